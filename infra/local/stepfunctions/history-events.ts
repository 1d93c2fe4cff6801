/**
 * Turns the library's event log into AWS execution history events (types and `…Details`
 * members as GetExecutionHistory returns them). Retries and catches have no event of
 * their own on AWS and are left out.
 */
import type { HistoryEvent } from './journal-types'

/** The part of a history event the service numbers and stamps. */
export type HistoryEntry = Pick<HistoryEvent, 'type' | 'detailsKey' | 'details'>

/** The fields of the library's events that the history uses (its EventLog union, loosely). */
export interface LibraryEvent {
  type: string
  state?: { name: string; type: string; input?: unknown; output?: unknown }
  parentState?: { name: string }
  index?: number
  Error?: string
  Cause?: unknown
}

const json = (value: unknown): string => JSON.stringify(value ?? null)

const text = (value: unknown): string => (typeof value === 'string' ? value : json(value))

const entry = (type: string, detailsKey: string, details: Record<string, unknown>): HistoryEntry => ({
  type,
  detailsKey,
  details,
})

const failedTypes: Record<string, string> = {
  Task: 'TaskFailed',
  Map: 'MapStateFailed',
  Parallel: 'ParallelStateFailed',
}

/** Maps one library event; `stateTypes` gives the original type (a rewritten Wait stays a Wait). */
export const historyEntryOf = (
  event: LibraryEvent,
  stateTypes: ReadonlyMap<string, string>,
): HistoryEntry | undefined => {
  const state = event.state
  const stateType = state ? (stateTypes.get(state.name) ?? state.type) : ''
  switch (event.type) {
    case 'StateEntered':
      return state
        ? entry(`${stateType}StateEntered`, 'stateEnteredEventDetails', {
            name: state.name,
            input: json(state.input),
          })
        : undefined
    case 'StateExited':
      return state
        ? entry(`${stateType}StateExited`, 'stateExitedEventDetails', {
            name: state.name,
            output: json(state.output),
          })
        : undefined
    case 'StateFailed': {
      const type = failedTypes[stateType]
      return type
        ? entry(type, 'taskFailedEventDetails', { error: event.Error ?? '', cause: text(event.Cause) })
        : undefined
    }
    case 'MapIterationStarted':
    case 'MapIterationSucceeded':
    case 'MapIterationFailed': {
      const detailsKey = `${event.type.charAt(0).toLowerCase()}${event.type.slice(1)}EventDetails`
      return entry(event.type, detailsKey, { name: event.parentState?.name ?? '', index: event.index ?? 0 })
    }
    default:
      return undefined
  }
}

export const executionStartedEntry = (input: string, roleArn: string): HistoryEntry =>
  entry('ExecutionStarted', 'executionStartedEventDetails', { input, roleArn })

const closedEvents = {
  SUCCEEDED: ['ExecutionSucceeded', 'executionSucceededEventDetails'],
  FAILED: ['ExecutionFailed', 'executionFailedEventDetails'],
  TIMED_OUT: ['ExecutionTimedOut', 'executionTimedOutEventDetails'],
  ABORTED: ['ExecutionAborted', 'executionAbortedEventDetails'],
} as const

export const executionClosedEntry = (
  status: keyof typeof closedEvents,
  fields: { output?: string; error?: string; cause?: string },
): HistoryEntry => {
  const [type, detailsKey] = closedEvents[status]
  return entry(
    type,
    detailsKey,
    status === 'SUCCEEDED'
      ? { output: fields.output ?? 'null' }
      : { error: fields.error, cause: fields.cause },
  )
}
