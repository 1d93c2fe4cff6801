/**
 * The two Lambda steps of a workflow's catch-all (ADR 0025, 0040), built once for every
 * workflow: `markAttention` after a step or Map failed for good, `awaitRetry` halting the
 * execution until "Coba lagi" redrives it, then handing the failed state's input back
 * for `Resume` to route there. A workflow names only how its state finds the marked
 * item (`subjectOf`) and whose audit entry it writes (`auditOf`).
 */
import type { AuditActor } from '../../core/audit/audit-entry'
import type { CaughtError } from '../../core/attention/attention'
import type { AttentionSubject } from '../../data/attention-repository'
import { nowIso } from '../../shared/clock'
import { haltUntilRetry, recordFailure } from './workflow-attention'

/** What `Attention<State>` (a Pass) builds: the failed state's name and its input, with the Catch's `error`. */
export interface CaughtState<State> {
  failedState: string
  input: State & { error?: CaughtError }
}

/** What `Resume` routes on: no `next`, since it goes back to the failed state, not on. */
export interface ResumeState<State> {
  failedState: string
  input: State
  next?: never
}

export interface CatchAllSteps<State> {
  markAttention: (
    caught: CaughtState<State>,
    execution: { executionArn: string; redriveCount: number },
  ) => Promise<void>
  awaitRetry: (caught: CaughtState<State>, redriveCount: number) => Promise<ResumeState<State>>
}

export const catchAllSteps = <State extends object>(workflow: {
  /** The case, batch or report the state is about, as the NEEDS_ATTENTION records see it. */
  subjectOf: (state: State) => Promise<AttentionSubject>
  auditOf: (state: State) => { actor: AuditActor; correlationId: string }
}): CatchAllSteps<State> => {
  const audit = (state: State) => ({ ...workflow.auditOf(state), at: nowIso() })
  return {
    markAttention: async (caught, execution) => {
      await recordFailure(
        await workflow.subjectOf(caught.input),
        {
          failedState: caught.failedState,
          ...(caught.input.error ? { error: caught.input.error } : {}),
          ...execution,
        },
        audit(caught.input),
      )
    },
    awaitRetry: async (caught, redriveCount) => {
      await haltUntilRetry(await workflow.subjectOf(caught.input), redriveCount, audit(caught.input))
      const { error: _error, ...input } = caught.input
      return { failedState: caught.failedState, input: input as State }
    },
  }
}
