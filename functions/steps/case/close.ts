/**
 * Close (DESIGN §3.6): the outcome (unless staff closed the case already, e.g. a
 * withdrawal), the open-case marker released, and the resident told by email when they
 * gave one: the mail goes to the outbox in the closing's transaction (ADR 0018). Runs
 * once in effect: the status condition and the mail's fixed id see to it.
 */
import type { CaseRecord } from '../../core/case/case-record'
import { type MailDraft, mailDraft } from '../../core/outbox/outbox-mail'
import { changeCase } from '../../data/case-repository'
import { enqueueMails, mailPut } from '../../data/outbox-repository'
import { closeCaseChange } from '../../flows/case/close-case-change'
import { composeCaseClosedMail } from '../../mail/case-closed-mail'
import { nowIso } from '../../shared/clock'
import { env } from '../../shared/env'
import { type CaseState, correlationOf, SYSTEM_ACTOR } from './case-state'
import { loadCase } from './load-case'
import { countMetric } from '../../observability/metrics'

/** The resident's notice of the outcome, when they gave an address. */
const residentNotice = (record: CaseRecord, outcome: NonNullable<CaseRecord['outcome']>): MailDraft[] => {
  const email = record.applicant.email
  if (!email) return []
  const statusUrl = `${env.publicBaseUrl()}/status?reference=${record.reference}`
  return [
    mailDraft(composeCaseClosedMail(record, email, outcome, statusUrl), {
      owner: `case:${record.caseId}`,
      purpose: 'closed',
      area: record.kecamatan,
    }),
  ]
}

export const close = async (state: CaseState): Promise<CaseState> => {
  let record = await loadCase(state.caseId)
  let notified = false
  if (record.status !== 'CLOSED') {
    const outcome = state.close?.outcome ?? 'NOT_FULFILLED'
    const at = nowIso()
    const change = closeCaseChange(record, outcome, state.close?.reason, at)
    const result = await changeCase(
      record,
      {
        ...change,
        alongWith: [...change.alongWith, ...residentNotice(record, outcome).map((mail) => mailPut(mail, at))],
        audit: {
          action: 'CASE_CLOSED',
          actor: SYSTEM_ACTOR,
          after: { status: 'CLOSED', outcome, reason: state.close?.reason ?? null },
          correlationId: correlationOf(state),
        },
      },
      at,
    )
    record = result.record
    notified = result.applied
    if (result.applied) countMetric('CasesClosed', { dimensions: { outcome } })
  }
  // Closed by staff (a withdrawal) or by an earlier run: the notice, once (an existing one stays).
  if (!notified && record.status === 'CLOSED' && record.outcome)
    await enqueueMails(residentNotice(record, record.outcome), nowIso())
  return {
    caseId: record.caseId,
    next: 'DONE',
    ...(record.outcome ? { close: { outcome: record.outcome } } : {}),
  }
}
