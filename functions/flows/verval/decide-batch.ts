/**
 * Deciding a batch (from the staff API or an approval link): one conditional write of
 * the status — the first decider wins, AWAITING_APPROVAL → APPLYING or REJECTED — with
 * its audit entry, then the waiting workflow resumed.
 */
import type { AuditActor } from '../../core/audit/audit-entry'
import type { BatchRecord } from '../../core/verval/batch-record'
import { resumeWait } from '../case/workflow-control'
import { getBatch, getBatchToken, transition } from '../../data/batch-repository'
import { now } from '../../shared/clock'
import { ConflictError } from '../../shared/errors'

export interface BatchDecision {
  decision: 'APPROVE' | 'REJECT'
  reason?: string | undefined
}

export const decideBatch = async (
  batch: BatchRecord,
  decision: BatchDecision,
  actor: AuditActor,
  correlationId: string,
): Promise<BatchRecord> => {
  const at = now()
  const decided = await transition(
    batch,
    ['AWAITING_APPROVAL'],
    decision.decision === 'APPROVE' ? 'APPLYING' : 'REJECTED',
    {
      action: decision.decision === 'APPROVE' ? 'VERVAL_APPROVED' : 'VERVAL_REJECTED',
      actor,
      after: { ...decision },
      correlationId,
    },
    { at, fields: { decision: { ...decision, by: actor.id, at: at.toISOString() } } },
  )
  const current = (await getBatch(batch.batchId)) ?? batch
  if (!decided)
    throw new ConflictError(
      current.decision
        ? `Verval ini sudah diputuskan oleh ${current.decision.by} pada ${current.decision.at}.`
        : `Verval ini tidak menunggu persetujuan (status ${current.status}).`,
    )
  await resumeWait(await getBatchToken(batch.batchId), batch.batchId)
  return current
}
