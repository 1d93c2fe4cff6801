/**
 * Opens the approval of a valid batch (DESIGN §3): the Dinsos of the kabupaten gets a
 * link of its own showing the summary; due and escalation follow the case workflow's
 * APPROVAL rules (3 hari kerja, head at due, daily reminders, final at 30 days).
 */
import { scheduleTask, secondsUntilNext } from '../../core/case/task-schedule'
import { calendarFor } from '../../flows/case/calendar'
import { approverFor } from '../../flows/case/routing'
import { approvalLinkDraft } from '../../flows/verval/batch-mail'
import { type BatchApproval, initApproval } from '../../data/batch-approval'
import { mailPut } from '../../data/outbox-repository'
import { now } from '../../shared/clock'
import { loadBatch } from './load-batch'
import { end, type VervalState } from './verval-state'

export const openApproval = async (state: VervalState): Promise<VervalState> => {
  const batch = await loadBatch(state.batchId)
  if (batch.status !== 'AWAITING_APPROVAL') return { ...state, next: 'DECIDED' }
  if (!batch.approval) {
    const openedAt = now()
    const opened: BatchApproval = {
      ...scheduleTask('APPROVAL', openedAt, await calendarFor(batch.kecamatan, openedAt)),
      approvers: [await approverFor(batch.kecamatan)],
      done: [],
    }
    // The approvers' mails are written with the approval (ADR 0020); a replay that finds
    // the approval set writes neither.
    await initApproval(
      batch.batchId,
      opened,
      opened.approvers.map((approver) =>
        mailPut(
          approvalLinkDraft(batch, approver, 'ASK', `ask:${approver.id}`, opened),
          openedAt.toISOString(),
        ),
      ),
    )
  }
  const { approval } = await loadBatch(state.batchId)
  if (!approval) return end(state)
  return {
    ...state,
    waitSeconds: secondsUntilNext(approval.milestones, new Set(approval.done), now()),
    next: 'AWAIT',
  }
}
