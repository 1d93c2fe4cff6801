/**
 * When the approval wait times out at its next milestone: the reminder the day before
 * due, the escalation at due (the head of Dinsos gets a link of its own to the same
 * approval; either decides, once), daily reminders after it, and the final deadline,
 * which rejects the batch (APPROVAL_TIMEOUT) so the TKSK can submit again.
 */
import { dueMilestones, secondsUntilNext } from '../../core/case/task-schedule'
import { headFor } from '../../flows/case/routing'
import { approvalLinkDraft, rejectionDraft } from '../../flows/verval/batch-mail'
import { settleApproval } from '../../data/batch-approval'
import { transition } from '../../data/batch-repository'
import { mailPut } from '../../data/outbox-repository'
import { now } from '../../shared/clock'
import { loadBatch } from './load-batch'
import { correlationOf, SYSTEM_ACTOR, type VervalState } from './verval-state'

export const approvalTimer = async (state: VervalState): Promise<VervalState> => {
  const batch = await loadBatch(state.batchId)
  const approval = batch.approval
  if (batch.status !== 'AWAITING_APPROVAL' || !approval) return { ...state, next: 'DECIDED' }
  const at = now()
  const due = dueMilestones(approval.milestones, new Set(approval.done), at)
  const settled = due.settled.map((m) => m.id)
  if (due.final) {
    // The TKSK's rejection notice is written with the rejection (ADR 0020).
    const notice = mailPut(await rejectionDraft(batch, 'APPROVAL_TIMEOUT'), at.toISOString())
    await transition(
      batch,
      ['AWAITING_APPROVAL'],
      'REJECTED',
      {
        action: 'VERVAL_APPROVAL_TIMEOUT',
        actor: SYSTEM_ACTOR,
        after: { reason: 'APPROVAL_TIMEOUT' },
        correlationId: correlationOf(batch.batchId),
      },
      {
        at,
        fields: {
          decision: {
            decision: 'REJECT',
            reason: 'APPROVAL_TIMEOUT',
            by: SYSTEM_ACTOR.id,
            role: SYSTEM_ACTOR.role,
            at: at.toISOString(),
          },
        },
        alongWith: [notice],
      },
    )
    return { ...state, next: 'DECIDED' }
  }
  if (due.escalate) {
    const head = await headFor(batch.kecamatan)
    const known = approval.approvers.some((p) => p.id === head.id)
    // Each milestone's mails are written with the milestone settled (ADR 0020): once.
    await settleApproval(batch.batchId, settled, known ? undefined : head, [
      mailPut(
        approvalLinkDraft(batch, head, 'ESCALATION', `escalate:${head.id}`, approval),
        at.toISOString(),
      ),
    ])
  } else if (due.reminder) {
    const reminder = due.reminder
    await settleApproval(
      batch.batchId,
      settled,
      undefined,
      approval.approvers.map((approver) =>
        mailPut(
          approvalLinkDraft(batch, approver, 'REMINDER', `${reminder.id}:${approver.id}`, approval),
          at.toISOString(),
        ),
      ),
    )
  } else await settleApproval(batch.batchId, settled)
  const fresh = (await loadBatch(batch.batchId)).approval ?? approval
  return {
    ...state,
    waitSeconds: secondsUntilNext(fresh.milestones, new Set(fresh.done), now()),
    next: 'AWAIT',
  }
}
