/**
 * What the local Step Functions journal keeps of an execution (checkpoint-store.ts): its
 * record, its history events, its checkpoint and the closing that ends it.
 */
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED'

export interface ExecutionRecord {
  executionArn: string
  stateMachineArn: string
  name: string
  /** JSON text, as the API carries it. */
  input: string
  status: ExecutionStatus
  startDateMs: number
  stopDateMs?: number
  output?: string
  error?: string
  cause?: string
  /** How many times RedriveExecution restarted it, and when last (AWS's redriveCount, redriveDate). */
  redriveCount?: number
  redriveDateMs?: number
}

export interface HistoryEvent {
  id: number
  previousEventId: number
  timestampMs: number
  type: string
  /** The AWS details member, e.g. `stateEnteredEventDetails`, and its value. */
  detailsKey?: string
  details?: Record<string, unknown>
}

/** The top-level state an execution last entered, and its input (JSON text). */
export interface Checkpoint {
  state: string
  input: string
}

export interface Closing {
  status: Exclude<ExecutionStatus, 'RUNNING'>
  stopDateMs: number
  output?: string
  error?: string
  cause?: string
}
