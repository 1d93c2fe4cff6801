/**
 * Close (DESIGN §3.6): the outcome (unless staff closed the case already, e.g. a
 * withdrawal), the open-case marker released, and the resident told by email when they
 * gave one. Runs once in effect: the status condition and the mail claim see to it.
 */
import type { CaseRecord } from '../../core/case/case-record'
import { changeCase, markCaseMailSent } from '../../data/case-repository'
import { closeCaseChange } from '../../flows/case/close-case-change'
import { sendMail } from '../../flows/case/send-mail'
import { composeCaseClosedMail } from '../../mail/case-closed-mail'
import { nowIso } from '../../shared/clock'
import { env } from '../../shared/env'
import { type CaseState, correlationOf, SYSTEM_ACTOR } from './case-state'
import { loadCase } from './load-case'

const notifyResident = async (record: CaseRecord): Promise<void> => {
  const email = record.applicant.email
  if (!email || !record.outcome) return
  if (!(await markCaseMailSent(record.caseId, 'closed', nowIso()))) return
  const statusUrl = `${env.publicBaseUrl()}/status?reference=${record.reference}`
  await sendMail(composeCaseClosedMail(record, email, record.outcome, statusUrl))
}

export const close = async (state: CaseState): Promise<CaseState> => {
  let record = await loadCase(state.caseId)
  if (record.status !== 'CLOSED') {
    const outcome = state.close?.outcome ?? 'NOT_FULFILLED'
    const at = nowIso()
    const result = await changeCase(
      record,
      {
        ...closeCaseChange(record, outcome, state.close?.reason, at),
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
  }
  await notifyResident(record)
  return {
    caseId: record.caseId,
    next: 'DONE',
    ...(record.outcome ? { close: { outcome: record.outcome } } : {}),
  }
}
