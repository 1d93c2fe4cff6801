/**
 * The case workflow's catch-all (ADR 0025): `markAttention` after any step failed for
 * good, `awaitRetry` halting the execution until "Coba lagi" redrives it, and then
 * handing the failed state's input back for `Resume` to route there.
 */
import type { CaughtError } from '../../core/attention/attention'
import { caseSubject } from '../../flows/attention/attention-subjects'
import { haltUntilRetry, recordFailure } from '../../flows/attention/workflow-attention'
import { nowIso } from '../../shared/clock'
import { correlationOf, SYSTEM_ACTOR, type CaseState } from './case-state'
import { loadCase } from './load-case'

/** What `Attention<State>` (a Pass) builds: the failed state's name and its input, with the Catch's `error`. */
export interface CaughtState {
  failedState: string
  input: CaseState & { error?: CaughtError }
}

const audit = (state: CaseState) => ({
  actor: SYSTEM_ACTOR,
  correlationId: correlationOf(state),
  at: nowIso(),
})

export const markAttention = async (
  caught: CaughtState,
  execution: { executionArn: string; redriveCount: number },
): Promise<void> => {
  const record = await loadCase(caught.input.caseId)
  await recordFailure(
    caseSubject(record),
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
  input: CaseState
  next?: never
}

export const awaitRetry = async (caught: CaughtState, redriveCount: number): Promise<ResumeState> => {
  const record = await loadCase(caught.input.caseId)
  await haltUntilRetry(caseSubject(record), redriveCount, audit(caught.input))
  const { error: _error, ...input } = caught.input
  return { failedState: caught.failedState, input }
}
