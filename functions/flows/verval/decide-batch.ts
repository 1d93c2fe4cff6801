/**
 * Deciding a batch (from the staff API or an approval link): one conditional write of
 * the status — the first decider wins, AWAITING_APPROVAL → APPLYING or REJECTED — with
 * its audit entry, then the waiting workflow resumed.
 */
import type { AuditActor } from '../../core/audit/audit-entry'
import { maskDigitsIn } from '../../core/identity/mask'
import type { BatchRecord } from '../../core/verval/batch-record'
import { batchDecidedMessage } from '../../core/verval/decided-message'
import { resumeWait } from '../case/workflow-control'
import { getBatch, getBatchToken, transition } from '../../data/batch-repository'
import { mailPut } from '../../data/outbox-repository'
import { rejectionDraft } from './batch-mail'
import { now } from '../../shared/clock'
import { ConflictError } from '../../shared/errors'

export interface BatchDecision {
  decision: 'APPROVE' | 'REJECT'
  reason?: string | undefined
}

/**
 * `deciderName` is known from an approval link (its recipient); otherwise it is looked up
 * among the batch's approvers, so the "already decided" answer can name the decider.
 */
export const decideBatch = async (
  batch: BatchRecord,
  typed: BatchDecision,
  actor: AuditActor,
  correlationId: string,
  deciderName?: string,
): Promise<BatchRecord> => {
  const at = now()
  const name = deciderName ?? batch.approval?.approvers.find((approver) => approver.id === actor.id)?.name
  // The reason is stored masked (DESIGN §1): a NIK quoted from the sheet stops here.
  const decision = typed.reason === undefined ? typed : { ...typed, reason: maskDigitsIn(typed.reason) }
  // A rejection tells the TKSK in its own transaction (ADR 0020): a losing decider writes no mail.
  const notice =
    decision.decision === 'REJECT'
      ? [mailPut(await rejectionDraft(batch, decision.reason), at.toISOString())]
      : []
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
    {
      at,
      fields: {
        decision: {
          ...decision,
          by: actor.id,
          role: actor.role,
          ...(name ? { name } : {}),
          at: at.toISOString(),
        },
      },
      alongWith: notice,
    },
  )
  const current = (await getBatch(batch.batchId)) ?? batch
  if (!decided)
    throw new ConflictError(
      batchDecidedMessage(current) ?? `Verval ini tidak menunggu persetujuan (status ${current.status}).`,
    )
  await resumeWait(await getBatchToken(batch.batchId), batch.batchId)
  return current
}
