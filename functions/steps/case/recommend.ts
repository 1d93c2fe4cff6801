/**
 * Recommend (DESIGN §3.3): the service the TKSK assessed, the provider the directory
 * routes it to (the most specific active match that has not declined), and the
 * assessment as justification. With no such provider the case does not close: Dinsos
 * gets a "Pilih penyedia" task (issue 13) and the case goes on with its choice.
 */
import type { AuditActor } from '../../core/audit/audit-entry'
import type { CaseRecord } from '../../core/case/case-record'
import { changeCase } from '../../data/case-change'
import { providerForCase } from '../../flows/providers/case-routing'
import { nowIso } from '../../shared/clock'
import { type CaseState, correlationOf, SYSTEM_ACTOR, toClose } from './case-state'
import { loadCase } from './load-case'

/**
 * Why the service is recommended: the TKSK's reason for another service when that is the
 * newest word on the case, else the assessment's findings (also after a REVISE of the
 * new service, which asks for a new assessment).
 */
const justificationOf = (record: CaseRecord): string => {
  const another = record.anotherService
  const assessedAt = record.assessment?.at ?? ''
  return another && another.at > assessedAt
    ? another.justification
    : String(record.assessment?.findings ?? '')
}

/** Writes the recommendation for `provider` (routed, or chosen by Dinsos) and moves the case to approval. */
export const recommendProvider = async (
  state: CaseState,
  record: CaseRecord,
  provider: { providerId: string; name: string },
  by: { actor: AuditActor; stepKey: string },
): Promise<CaseState> => {
  const round = state.round ?? 1
  const at = nowIso()
  const recommendation = {
    service: record.service,
    providerId: provider.providerId,
    providerName: provider.name,
    justification: justificationOf(record),
    at,
  }
  const result = await changeCase(
    record,
    {
      // RECOMMENDATION: a case reopened for another service (ADR 0037) is already there.
      from: ['ASSESSMENT', 'RECOMMENDATION'],
      stepKey: by.stepKey,
      ...(record.status === 'RECOMMENDATION' ? {} : { status: 'RECOMMENDATION' as const }),
      set: { recommendation },
      audit: {
        action: 'CASE_RECOMMENDED',
        actor: by.actor,
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

export const recommend = async (state: CaseState): Promise<CaseState> => {
  const record = await loadCase(state.caseId)
  if (record.status === 'CLOSED') return toClose(state)
  const round = state.round ?? 1
  const provider = await providerForCase(record)
  if (!provider) return { caseId: state.caseId, round, next: 'CHOOSE_PROVIDER' }
  return recommendProvider(state, record, provider, { actor: SYSTEM_ACTOR, stepKey: `recommend#${round}` })
}
