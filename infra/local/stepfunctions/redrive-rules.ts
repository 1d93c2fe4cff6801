/**
 * When AWS lets RedriveExecution restart an execution: only a failed one (FAILED,
 * TIMED_OUT, ABORTED), within 14 days of its closing.
 */
import { REDRIVE_WINDOW_MS } from '../../../functions/core/attention/attention'
import type { ExecutionRecord } from './journal-types'

export const REDRIVABLE: ReadonlySet<string> = new Set(['FAILED', 'TIMED_OUT', 'ABORTED'])

/**
 * Why AWS would refuse to redrive the execution now, if it would: it has not failed, or it
 * closed more than 14 days ago (on the project clock, so a test can move past the window).
 */
export const redriveRefusal = (record: ExecutionRecord, atMs: number): string | undefined => {
  if (!REDRIVABLE.has(record.status)) return `Execution is ${record.status} and cannot be redriven`
  if (record.stopDateMs !== undefined && atMs - record.stopDateMs > REDRIVE_WINDOW_MS)
    return 'Execution closed more than 14 days ago and cannot be redriven'
  return undefined
}
