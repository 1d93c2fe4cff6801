/**
 * The verval workflow's catch-all (ADR 0025, 0040), as the case workflow's: `markAttention`
 * after any step or Map failed for good, `awaitRetry` halting the execution until "Coba
 * lagi" redrives it, then handing the failed state's input back for `Resume`.
 */
import type { CaughtError } from '../../core/attention/attention'
import { batchSubject } from '../../flows/attention/attention-subjects'
import { haltUntilRetry, recordFailure } from '../../flows/attention/workflow-attention'
import { nowIso } from '../../shared/clock'
import { loadBatch } from './load-batch'
import { correlationOf, SYSTEM_ACTOR, type VervalState } from './verval-state'

/** What `Attention<State>` (a Pass) builds: the failed state's name and its input, with the Catch's `error`. */
export interface CaughtState {
  failedState: string
  input: VervalState & { error?: CaughtError }
}

const audit = (state: VervalState) => ({
  actor: SYSTEM_ACTOR,
  correlationId: correlationOf(state.batchId),
  at: nowIso(),
})

export const markAttention = async (
  caught: CaughtState,
  execution: { executionArn: string; redriveCount: number },
): Promise<void> => {
  const batch = await loadBatch(caught.input.batchId)
  await recordFailure(
    batchSubject(batch),
    {
      failedState: caught.failedState,
      ...(caught.input.error ? { error: caught.input.error } : {}),
      ...execution,
    },
    audit(caught.input),
  )
}

/** What `Resume` routes on: no `next`, since it goes back to the failed state, not on. */
export interface ResumeState {
  failedState: string
  input: VervalState
  next?: never
}

export const awaitRetry = async (caught: CaughtState, redriveCount: number): Promise<ResumeState> => {
  const batch = await loadBatch(caught.input.batchId)
  await haltUntilRetry(batchSubject(batch), redriveCount, audit(caught.input))
  const { error: _error, ...input } = caught.input
  return { failedState: caught.failedState, input }
}
