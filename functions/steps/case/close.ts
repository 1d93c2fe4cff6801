/**
 * Close (DESIGN §3.6): the outcome (unless staff closed the case already, e.g. a
 * withdrawal), the open-case marker released, and the resident told by email when they
 * gave one. Runs once in effect: the status condition and the mail claim see to it.
 */
import { CASE_OUTCOME_LABELS } from '../../core/catalog/case-statuses'
import type { CaseRecord } from '../../core/case/case-record'
import { changeCase, markCaseMailSent } from '../../data/case-repository'
import { closeCaseChange } from '../../flows/case/close-case-change'
import { sendMail } from '../../flows/case/send-mail'
import { nowIso } from '../../shared/clock'
import { env } from '../../shared/env'
import { html } from '../../web/html'
import { type CaseState, correlationOf, SYSTEM_ACTOR } from './case-state'
import { loadCase } from './load-case'

const notifyResident = async (record: CaseRecord): Promise<void> => {
  const email = record.applicant.email
  if (!email || !record.outcome) return
  if (!(await markCaseMailSent(record.caseId, 'closed', nowIso()))) return
  const label = CASE_OUTCOME_LABELS[record.outcome]
  const statusUrl = `${env.publicBaseUrl()}/status?reference=${record.reference}`
  await sendMail({
    to: email,
    subject: `[${record.reference}] Permohonan Anda telah selesai diproses`,
    text: `Yth. ${record.applicant.name},\n\nPermohonan Anda dengan nomor registrasi ${record.reference} telah selesai diproses dengan hasil: ${label}.\nCek status: ${statusUrl}\n\nDinas Sosial`,
    html: html`<p>Yth. ${record.applicant.name},</p>
      <p>
        Permohonan Anda dengan nomor registrasi <strong>${record.reference}</strong> telah selesai diproses
        dengan hasil: <strong>${label}</strong>.
      </p>
      <p><a href="${statusUrl}">Cek status</a></p>`.value,
  })
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
