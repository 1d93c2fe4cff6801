/**
 * The two steps of every workflow's catch-all (issue 17, ADR 0025). `recordFailure`
 * marks the case or batch NEEDS_ATTENTION with the failed state and the error, audited,
 * in one transaction. `haltUntilRetry` then ends the execution FAILED at its own state,
 * unless this run is the redrive that "Coba lagi" started: then it ends the marker
 * (audited) and the workflow goes back to the failed state with that state's input.
 */
import type { AuditActor } from '../../core/audit/audit-entry'
import {
  type Attention,
  type CaughtError,
  faultOf,
  isRetryOf,
  NEEDS_ATTENTION,
  NeedsAttentionError,
} from '../../core/attention/attention'
import {
  type AttentionSubject,
  endAttention,
  markAttention,
  readAttention,
} from '../../data/attention-repository'
import { countMetric } from '../../observability/metrics'
import { logger } from '../../shared/logger'

export interface FailureRecord {
  failedState: string
  error?: CaughtError
  executionArn: string
  redriveCount: number
}

export const recordFailure = async (
  subject: AttentionSubject,
  failure: FailureRecord,
  audit: { actor: AuditActor; correlationId: string; at: string },
): Promise<void> => {
  const attention: Attention = {
    status: NEEDS_ATTENTION,
    state: failure.failedState,
    ...faultOf(failure.error),
    at: audit.at,
    executionArn: failure.executionArn,
    redriveCount: failure.redriveCount,
  }
  logger.error('workflow step failed after its retries: needs attention', {
    kind: subject.kind,
    id: subject.id,
    state: attention.state,
    error: attention.error,
  })
  if (await markAttention(subject, attention, audit)) countMetric('NeedsAttention')
  else logger.warn('another failure is already marked; it stays', { kind: subject.kind, id: subject.id })
}

/** Returns when the run may go back to the failed state; throws `NeedsAttention` to halt. */
export const haltUntilRetry = async (
  subject: AttentionSubject,
  redriveCount: number,
  audit: { actor: AuditActor; correlationId: string; at: string },
): Promise<void> => {
  const attention = await readAttention(subject.key)
  // Ended already by an earlier run of this step in this redrive.
  if (!attention) return
  if (!isRetryOf(attention, redriveCount)) throw new NeedsAttentionError(`${subject.kind} ${subject.id}`)
  await endAttention(subject, attention, audit)
}
