/** APPROVE → referral to the recommended provider and the Surat Rekomendasi; REJECT → closed REJECTED; REVISE → back to the TKSK (DESIGN §3.4). */
import type { DecidedTask } from './apply-change'
import { applyChange } from './apply-change'
import { letterPutItem } from '../../data/letter-repository'
import { type CaseState, closeWithTaskReason, toClose } from './case-state'
import { letterFor } from './issue-letter'

export const applyApproval = async (decided: DecidedTask): Promise<CaseState> => {
  const { decision, state, record, task } = decided
  const round = state.round ?? 1
  const reason = typeof decision.reason === 'string' ? decision.reason : undefined
  if (decision.decision === 'REJECT') return closeWithTaskReason(state, 'REJECTED', task.taskId)
  const approval = { ...decision, by: task.decidedBy?.id ?? '', at: task.decidedAt ?? '' }
  if (decision.decision === 'REVISE') {
    const open = await applyChange(decided, {
      from: ['RECOMMENDATION'],
      status: 'ASSESSMENT',
      set: { approval },
      action: 'CASE_REVISION_REQUESTED',
      after: { status: 'ASSESSMENT', reason: reason ?? null },
    })
    return open ? { caseId: state.caseId, round: round + 1, next: 'REVISE' } : toClose(state)
  }
  const recommendation = record.recommendation
  if (!recommendation) throw new Error(`case ${record.caseId} approved without a recommendation`)
  // Issued in the approving transaction: no approved case without its letter, no second letter on replay.
  const letter = letterFor(record, task)
  const open = await applyChange(decided, {
    from: ['RECOMMENDATION'],
    status: 'REFERRAL',
    set: {
      approval,
      referral: { providerId: recommendation.providerId, providerName: recommendation.providerName },
      letterCode: letter.code,
    },
    action: 'CASE_APPROVED',
    after: { status: 'REFERRAL', providerId: recommendation.providerId, letterCode: letter.code },
    alongWith: [letterPutItem(letter)],
  })
  return open ? { caseId: state.caseId, round, next: 'REFER' } : toClose(state)
}
