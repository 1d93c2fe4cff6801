/**
 * Recommend (DESIGN §3.3): the service the TKSK assessed, the first provider serving it
 * for the applicant's area that has not declined, and the assessment as justification.
 */
import { changeCase } from '../../data/case-repository'
import { providersFor } from '../../data/provider-repository'
import { nowIso } from '../../shared/clock'
import { type CaseState, closeWith, correlationOf, SYSTEM_ACTOR, toClose } from './case-state'
import { loadCase } from './load-case'

export const recommend = async (state: CaseState): Promise<CaseState> => {
  const record = await loadCase(state.caseId)
  if (record.status === 'CLOSED') return toClose(state)
  const round = state.round ?? 1
  const declined = new Set(record.declinedProviders ?? [])
  const provider = (await providersFor(record.service, record.applicant.villageCode)).find(
    (p) => !declined.has(p.providerId),
  )
  if (!provider) return closeWith(state, 'NOT_FULFILLED', 'NO_PROVIDER')
  const at = nowIso()
  const recommendation = {
    service: record.service,
    providerId: provider.providerId,
    providerName: provider.name,
    justification: String(record.assessment?.findings ?? ''),
    at,
  }
  const result = await changeCase(
    record,
    {
      from: ['ASSESSMENT'],
      stepKey: `recommend#${round}`,
      status: 'RECOMMENDATION',
      set: { recommendation },
      audit: {
        action: 'CASE_RECOMMENDED',
        actor: SYSTEM_ACTOR,
        after: { status: 'RECOMMENDATION', service: record.service, providerId: provider.providerId },
        correlationId: correlationOf(state),
      },
    },
    at,
  )
  return result.record.status === 'CLOSED'
    ? toClose(state)
    : { caseId: state.caseId, round, next: 'APPROVAL' }
}
