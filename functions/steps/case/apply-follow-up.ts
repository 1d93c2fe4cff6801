/**
 * The TKSK's answer to "Minta layanan lain" (issue 15 item 3, ADR 0037), offered after a
 * referral's result closed the case. DONE leaves it closed. ANOTHER_SERVICE reopens it
 * (CLOSED → RECOMMENDATION, the one way out of CLOSED) for the new service in a new
 * round: the finished referral and how it closed go to `previousReferrals`, the person's
 * open-case marker of the new service is taken, the closing's retention schedule item is
 * dropped (the next closing writes its own), and the workflow goes back to Recommend, so
 * the case runs recommend → approve → refer again and closes again at its result.
 */
import type { ServiceCode } from '../../core/catalog/services'
import { closingResultOf } from '../../core/case/follow-up'
import { maskPersonalText } from '../../core/identity/disclosure'
import { takeOpenMarker } from '../../data/open-case-marker'
import { retentionScheduleDeleteItem } from '../../data/retention-repository'
import { nowIso } from '../../shared/clock'
import { applyChange, type DecidedTask } from './apply-change'
import { type CaseState, toClose } from './case-state'

export const applyFollowUp = async (decided: DecidedTask): Promise<CaseState> => {
  const { decision, state, record, task } = decided
  const result = closingResultOf(record)
  const referral = record.referral
  const round = task.round + 1
  // A replay of a reopening that was written: Recommend of the round is idempotent.
  if (record.status !== 'CLOSED') return { caseId: state.caseId, round, next: 'RECOMMEND' }
  // DONE, or a case that can no longer be reopened: it stays closed, and Close ends the execution.
  if (decision.action !== 'ANOTHER_SERVICE' || !result || !referral || !record.closedAt || !record.outcome)
    return toClose(state)
  const service = decision.service as ServiceCode
  const at = task.decidedAt ?? nowIso()
  const justification = maskPersonalText(String(decision.justification ?? ''), record.applicant)
  const previous = {
    ...referral,
    service: record.service,
    result,
    outcome: record.outcome,
    ...(record.outcomeReason ? { outcomeReason: record.outcomeReason } : {}),
    closedAt: record.closedAt,
  }
  const reopened = await applyChange(decided, {
    from: ['CLOSED'],
    status: 'RECOMMENDATION',
    // Only the follow-up open on this closing, in its round, on a case not anonymised.
    equals: { 'followUp.taskId': task.taskId, 'followUp.round': task.round },
    absent: ['anonymisedAt'],
    set: {
      service,
      anotherService: {
        service,
        justification,
        by: task.decidedBy?.id ?? '',
        at,
        round,
      },
    },
    append: { previousReferrals: [previous] },
    // The providers that declined the last service may well serve the next one.
    remove: ['referral', 'declinedProviders', 'outcome', 'outcomeReason', 'closedAt', 'followUp'],
    alongWith: [
      ...takeOpenMarker(record, service),
      retentionScheduleDeleteItem(record.caseId, record.closedAt),
    ],
    action: 'CASE_REOPENED_FOR_SERVICE',
    after: {
      status: 'RECOMMENDATION',
      service,
      // Masked: the offer's own TASK_DECIDED is on its task's chain, this is the case's.
      justification,
      previousService: record.service,
      previousOutcome: record.outcome,
      result,
      round,
    },
  })
  return reopened ? { caseId: state.caseId, round, next: 'RECOMMEND' } : toClose(state)
}
