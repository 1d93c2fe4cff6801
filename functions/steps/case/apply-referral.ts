/**
 * The provider's answer and the Dinsos's re-referral (DESIGN §3.5): ACCEPT → the result
 * task; DECLINE → a Dinsos task to re-refer or close; REREFER → a new response task
 * for the chosen provider.
 */
import { getProvider } from '../../data/provider-repository'
import type { DecidedTask } from './apply-change'
import { applyChange } from './apply-change'
import { type CaseState, closeWith, toClose } from './case-state'

export const applyReferral = async (decided: DecidedTask): Promise<CaseState> => {
  const { decision, state, record, task } = decided
  const round = state.round ?? 1
  const reason = typeof decision.reason === 'string' ? decision.reason : undefined
  if (task.kind === 'REFERRAL_RESPONSE' && decision.response === 'ACCEPT') {
    const referral = record.referral
    if (!referral) throw new Error(`case ${record.caseId} has no referral`)
    const open = await applyChange(decided, {
      from: ['REFERRAL'],
      set: { referral: { ...referral, acceptedAt: task.decidedAt ?? '' } },
      action: 'REFERRAL_ACCEPTED',
      after: { providerId: referral.providerId },
    })
    return open ? { caseId: state.caseId, round, next: 'RESULT' } : toClose(state)
  }
  if (task.kind === 'REFERRAL_RESPONSE') {
    const declined = [...(record.declinedProviders ?? []), record.referral?.providerId ?? '']
    const open = await applyChange(decided, {
      from: ['REFERRAL'],
      set: { declinedProviders: declined },
      action: 'REFERRAL_DECLINED',
      after: { providerId: record.referral?.providerId ?? null, reason: reason ?? null },
    })
    return open ? { caseId: state.caseId, round: round + 1, next: 'REREFER_TASK' } : toClose(state)
  }
  if (decision.action === 'CLOSE') return closeWith(state, 'NOT_FULFILLED', 'DECLINED')
  const provider = await getProvider(String(decision.providerId))
  if (!provider) throw new Error(`provider ${String(decision.providerId)} vanished`)
  const open = await applyChange(decided, {
    from: ['REFERRAL'],
    set: { referral: { providerId: provider.providerId, providerName: provider.name } },
    action: 'CASE_REREFERRED',
    after: { providerId: provider.providerId },
  })
  return open ? { caseId: state.caseId, round, next: 'REFER' } : toClose(state)
}
