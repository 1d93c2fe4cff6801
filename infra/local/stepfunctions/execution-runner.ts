/**
 * Runs one execution (or resumes it from its checkpoint) with the library, and journals
 * it: every top-level state entry becomes the checkpoint, every library event a history
 * event, and the end of the run closes the record exactly once. All writes of a run go
 * through one queue, so history ids are consecutive and the closing comes last.
 */
import { ExecutionError, StateMachine } from 'aws-local-stepfunctions'
import { nowMs } from '../../../functions/shared/clock'
import { backgroundStoreCall, backgroundTurn } from '../foreground'
import type { Activity } from './activity'
import type { CheckpointStore } from './checkpoint-store'
import { executionClosedEntry, type HistoryEntry, historyEntryOf, type LibraryEvent } from './history-events'
import type { Checkpoint, Closing, ExecutionRecord, HistoryEvent } from './journal-types'
import { executionContextFields, preparedDefinitionOf } from './rewrite-definition'
import { JOURNAL_RETRY_PAUSE_MS, JOURNAL_WRITE_ATTEMPTS, withJournalRetries } from './journal-retry'
import { STATES_TIMEOUT } from './state-errors'
import { createTaskHandlers, TASK_TOKEN_PLACEHOLDER, type TaskHandlerDeps } from './task-handlers'

export interface RegisteredMachine {
  arn: string
  name: string
  /** The definition after `${…}` substitutions, as deployed. */
  definition: object
}

export interface RunnerDeps extends TaskHandlerDeps {
  store: CheckpointStore
  roleArn: string
  logger: { error(...args: unknown[]): void }
  /** See `LocalStepFunctionsOptions.retryIntervalMs`. */
  retryIntervalMs?: number
}

export interface ActiveRun {
  /** Closes the execution as ABORTED or TIMED_OUT and ends the run; false if it had closed already. */
  terminate(closing: Omit<Closing, 'stopDateMs'>): Promise<boolean>
  /** Ends the run without closing the execution (service shutdown): a later resume continues it. */
  shutdown(): Promise<void>
  /** Settles once the run has ended and its writes are done. */
  ended: Promise<void>
}

export interface RunStart {
  /** The top-level state to start at (resume); the definition's StartAt when absent. */
  state?: string
  input: unknown
  nextEventId: number
}

/**
 * Lets the events the library emits in one burst (a state's exit, the next state's entry,
 * its task scheduled and started: promise continuations, then a macrotask) reach the
 * journal before it takes its next write.
 */
const burstEnd = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/**
 * Counts a run's Lambda invocations in flight (the work its task handlers track), so the
 * journal can hold its writes while one runs: the burst that follows its return goes in
 * the same write (issue 14 item 8). The work is still tracked by the service's activity.
 */
const createTaskCounter = (activity: Activity, stopped: AbortSignal) => {
  let inFlight = 0
  let waiters: (() => void)[] = []
  const wake = () => {
    const woken = waiters
    waiters = []
    for (const resume of woken) resume()
  }
  stopped.addEventListener('abort', wake)
  return {
    activity: {
      ...activity,
      track<T>(work: Promise<T>): Promise<T> {
        inFlight++
        const done = () => {
          inFlight--
          if (inFlight === 0) wake()
        }
        work.then(done, done)
        return activity.track(work)
      },
    } satisfies Activity,
    /**
     * Settles once no invocation of the run is in flight, the run's next burst included,
     * or at once when the run is stopped (a stop does not wait for a Lambda to return).
     */
    async quiet(): Promise<void> {
      do {
        while (inFlight > 0 && !stopped.aborted) await new Promise<void>((resolve) => waiters.push(resolve))
        await burstEnd()
      } while (inFlight > 0 && !stopped.aborted)
    },
  }
}

/**
 * Writes a run's history events and checkpoint. Writes are serial; what arrives while one
 * is in flight or waiting for its turn is coalesced into the next: one BatchWriteItem of
 * the events with the latest checkpoint as one more item (issue 14 item 8). The closing
 * is one transaction with what is still pending. Tracked for `idle()`.
 */
const createJournal = (
  deps: RunnerDeps,
  record: ExecutionRecord,
  firstEventId: number,
  quiet: () => Promise<void>,
) => {
  let nextEventId = firstEventId
  let events: HistoryEvent[] = []
  let checkpoint: Checkpoint | undefined
  let flushing: Promise<void> | undefined
  /** Set while close() waits for the write in flight: what is pending then goes with the closing. */
  let closing = false

  const takePending = (): [HistoryEvent[], Checkpoint | undefined] => {
    const taken: [HistoryEvent[], Checkpoint | undefined] = [events, checkpoint]
    events = []
    checkpoint = undefined
    return taken
  }

  const writePending = async (): Promise<void> => {
    let failures = 0
    while (!closing && (events.length > 0 || checkpoint)) {
      // The journal is Step Functions' own bookkeeping: it waits while an API request is in flight (ADR 0042).
      await backgroundTurn()
      await quiet()
      if (closing) break
      const [batch, latest] = takePending()
      try {
        // One background store call at a time (ADR 0042).
        await backgroundStoreCall(() => deps.store.appendEvents(record.executionArn, batch, latest))
        failures = 0
      } catch (error) {
        // A loaded DynamoDB Local times out on its lock now and then; the batch carries the
        // checkpoint, so it is tried again (its puts are idempotent) before it is given up.
        failures++
        deps.logger.error('local Step Functions journal write failed', record.executionArn, failures, error)
        if (failures >= JOURNAL_WRITE_ATTEMPTS) {
          failures = 0 // given up: the next batch has its own attempts
          continue
        }
        events = [...batch, ...events]
        checkpoint ??= latest
        await new Promise((resolve) => setTimeout(resolve, JOURNAL_RETRY_PAUSE_MS * failures))
      }
    }
  }

  /**
   * The closing transaction, tried like the journal's writes: a lock timeout of a loaded
   * DynamoDB Local must not leave the execution RUNNING without its closing event. A retry
   * after a write that landed but whose answer was lost finds the record closed (false).
   */
  const closeWithRetries = (close: () => Promise<boolean>): Promise<boolean> =>
    withJournalRetries(close, (attempt, error) =>
      deps.logger.error('local Step Functions closing write failed', record.executionArn, attempt, error),
    )

  const flush = (): Promise<void> => {
    flushing ??= deps.activity.track(
      writePending().finally(() => {
        flushing = undefined
      }),
    )
    return flushing
  }

  const eventOf = (entry: HistoryEntry, id: number): HistoryEvent => ({
    ...entry,
    id,
    previousEventId: id - 1,
    timestampMs: nowMs(),
  })

  return {
    append(entry: HistoryEntry): Promise<void> {
      events.push(eventOf(entry, nextEventId++))
      return flush()
    },
    checkpoint(state: string, input: unknown) {
      checkpoint = { state, input: JSON.stringify(input ?? null) }
      return flush()
    },
    /**
     * Closes the record once the write in flight is done, in one transaction with what is
     * still pending and the closing event; the closing event's id is taken only if this
     * call closed the record.
     */
    async close(end: Closing): Promise<boolean> {
      closing = true
      try {
        while (flushing) await flushing
        const [batch, latest] = takePending()
        const closingEvent = eventOf(executionClosedEntry(end.status, end), nextEventId)
        const closed = await deps.activity.track(
          closeWithRetries(() => deps.store.close(record, end, [...batch, closingEvent], latest)),
        )
        if (closed) nextEventId++
        return closed
      } finally {
        closing = false
      }
    },
    flushed: flush,
    /** Events appended so far, the ones of earlier runs of the execution included. */
    eventCount: () => nextEventId - 1,
  }
}

const failureOf = (error: unknown): { error: string; cause: string } => {
  const reason = error instanceof ExecutionError && error.cause instanceof Error ? error.cause : error
  return reason instanceof Error
    ? { error: reason.name, cause: reason.message }
    : { error: 'States.Runtime', cause: String(reason) }
}

/** Every state's Retry waits `intervalMs` (the library keys its override by state name). */
const retryIntervalOverrides = (intervalMs: number | undefined, states: ReadonlyMap<string, string>) =>
  intervalMs === undefined
    ? {}
    : { retryIntervalOverrides: Object.fromEntries([...states.keys()].map((name) => [name, intervalMs])) }

export const startRun = (
  deps: RunnerDeps,
  machine: RegisteredMachine,
  record: ExecutionRecord,
  start: RunStart,
): ActiveRun => {
  const prepared = preparedDefinitionOf(machine.definition, start.state)
  const stopped = new AbortController()
  const tasks = createTaskCounter(deps.activity, stopped.signal)
  const journal = createJournal(deps, record, start.nextEventId, tasks.quiet)
  const execution = new StateMachine(prepared.definition, { validationOptions: { noValidate: true } }).run(
    start.input as never,
    {
      noThrowOnAbort: true,
      overrides: {
        taskResourceLocalHandlers: createTaskHandlers(
          { ...deps, activity: tasks.activity },
          prepared.resources,
          {
            signal: stopped.signal,
            stateMachineArn: machine.arn,
          },
        ),
        ...retryIntervalOverrides(deps.retryIntervalMs, prepared.stateTypes),
      },
      context: {
        Execution: {
          Id: record.executionArn,
          Name: record.name,
          RoleArn: deps.roleArn,
          ...executionContextFields(JSON.parse(record.input), new Date(record.startDateMs).toISOString()),
          RedriveCount: record.redriveCount ?? 0,
        },
        StateMachine: { Id: machine.arn, Name: machine.name },
        Task: { Token: TASK_TOKEN_PLACEHOLDER },
      },
    },
  )

  const stop = () => {
    stopped.abort()
    execution.abort()
  }

  const journalEvents = async () => {
    for await (const event of execution.eventLogs as AsyncGenerator<LibraryEvent>) {
      // Names are unique machine-wide, so a top-level name means a top-level state (not a branch's).
      if (event.type === 'StateEntered' && event.state && prepared.topLevelStates.has(event.state.name)) {
        journal.checkpoint(event.state.name, event.state.input)
      }
      const entry = historyEntryOf(event, prepared.stateTypes)
      if (!entry) continue
      void journal.append(entry)
      if (journal.eventCount() > deps.limits.executionMaxHistoryEvents && !endedFromOutside) {
        void terminate({
          status: 'FAILED',
          error: 'States.Runtime',
          cause: `The execution reached the maximum number of history events (${deps.limits.executionMaxHistoryEvents}).`,
        })
      }
    }
  }
  const journaled = journalEvents()

  const cancelExecutionTimeout =
    prepared.executionTimeoutSeconds === undefined
      ? () => undefined
      : deps.timers.schedule(record.startDateMs + prepared.executionTimeoutSeconds * 1000, () => {
          void terminate({ status: 'TIMED_OUT', error: STATES_TIMEOUT, cause: 'The execution timed out' })
        })

  /** Set when the run is ended from outside; the library's own ending then closes nothing. */
  let endedFromOutside = false
  const terminate = async (closing: Omit<Closing, 'stopDateMs'>): Promise<boolean> => {
    endedFromOutside = true
    stop()
    await journaled
    return journal.close({ ...closing, stopDateMs: nowMs() })
  }

  const closeFromResult = async (outcome: { output: unknown } | { failure: unknown }) => {
    cancelExecutionTimeout()
    if (endedFromOutside) return
    await journaled
    await journal.close(
      'output' in outcome
        ? { status: 'SUCCEEDED', stopDateMs: nowMs(), output: JSON.stringify(outcome.output ?? null) }
        : { status: 'FAILED', stopDateMs: nowMs(), ...failureOf(outcome.failure) },
    )
  }

  const ended = execution.result
    .then(
      (output) => deps.activity.track(closeFromResult({ output })),
      (failure: unknown) => deps.activity.track(closeFromResult({ failure })),
    )
    .then(async () => {
      await journaled
      await journal.flushed()
    })

  return {
    terminate,
    async shutdown() {
      endedFromOutside = true
      cancelExecutionTimeout()
      stop()
      await ended
    },
    ended,
  }
}
