/**
 * NEEDS_ATTENTION (issue 17, ADR 0025): a workflow step failed after its retries, the
 * workflow's catch-all recorded it on the case or batch and halted the execution, and
 * Dinsos may retry it ("Coba lagi"), which redrives the execution from the failed step.
 * Kept beside the lifecycle status, not instead of it, so every other rule still reads
 * the status the case was in.
 */
import type { AuditActor } from '../audit/audit-entry'
import { maskDigitsIn } from '../identity/mask'

export const NEEDS_ATTENTION = 'NEEDS_ATTENTION'

export const ATTENTION_KINDS = ['CASE', 'BATCH', 'LAPORAN'] as const
export type AttentionKind = (typeof ATTENTION_KINDS)[number]

/** What the workflow's Catch put at `$.error`. */
export interface CaughtError {
  Error?: string
  Cause?: string
}

export interface Attention {
  status: typeof NEEDS_ATTENTION
  /** The state that failed: where the retry resumes. */
  state: string
  /** The error name (e.g. `States.Timeout`, `ConditionalCheckFailedException`). */
  error: string
  /** One line of what the error said, identity numbers masked, never the stack or input. */
  cause?: string
  at: string
  executionArn: string
  /** `$$.Execution.RedriveCount` when it failed: a run with a higher count is the retry. */
  redriveCount: number
  retryRequestedBy?: AuditActor
  retryRequestedAt?: string
}

const ERROR_NAME = /^[A-Za-z0-9_.:-]{1,80}$/
const CAUSE_LENGTH = 160

/**
 * The error as the case may keep it: the name if it looks like one, and the first line of
 * the message of a Lambda error document (`{errorType, errorMessage, trace}`) with every
 * NIK-like number masked and cut short. Messages are written by code, but they may echo
 * a key or a value; the trace and the input never leave the execution history.
 */
export const faultOf = (caught: CaughtError | undefined): { error: string; cause?: string } => {
  const error = caught?.Error && ERROR_NAME.test(caught.Error) ? caught.Error : 'Unknown'
  const message = messageOf(caught?.Cause)
  const line = message?.split('\n')[0]?.trim()
  if (!line) return { error }
  const masked = maskDigitsIn(line)
  return { error, cause: masked.length > CAUSE_LENGTH ? `${masked.slice(0, CAUSE_LENGTH - 1)}…` : masked }
}

const messageOf = (cause: string | undefined): string | undefined => {
  if (!cause) return undefined
  try {
    const parsed: unknown = JSON.parse(cause)
    if (typeof parsed === 'object' && parsed !== null && 'errorMessage' in parsed)
      return String((parsed as { errorMessage: unknown }).errorMessage)
  } catch {
    // not a Lambda error document: the cause is the message
  }
  return cause
}

/**
 * AWS redrives an execution only within 14 days of its close (RedriveExecution refuses
 * later ones with ExecutionNotRedrivable); the local Step Functions service refuses the
 * same. The halt step closes the execution right after the marker is written, so the
 * marker's `at` starts the window.
 */
export const REDRIVE_WINDOW_MS = 14 * 24 * 60 * 60 * 1000

/** The last moment "Coba lagi" can redrive the halted execution. */
export const retryableUntil = (attention: Pick<Attention, 'at'>): Date =>
  new Date(Date.parse(attention.at) + REDRIVE_WINDOW_MS)

/** Whether the halted execution can still be redriven at `now` (ADR 0040). */
export const isRetryable = (attention: Pick<Attention, 'at'>, now: Date): boolean =>
  now.getTime() <= retryableUntil(attention).getTime()

/** Whether this run of the halt step is the retry of the recorded failure (a redrive). */
export const isRetryOf = (attention: Attention, redriveCount: number): boolean =>
  redriveCount > attention.redriveCount

/** Thrown by the halt step to end the execution FAILED at a state a redrive resumes. */
export class NeedsAttentionError extends Error {
  constructor(entity: string) {
    super(`${entity} needs attention: waiting for a retry`)
    this.name = 'NeedsAttention'
  }
}
