/**
 * The resident's email when their case closes: reference, outcome and where to check the
 * status. Only the name and reference of the applicant; never the NIK or the birth date.
 */
import { CASE_OUTCOME_LABELS } from '../core/catalog/case-statuses'
import type { CaseRecord } from '../core/case/case-record'
import { html } from '../web/html'
import type { Mail } from './mail'

export const composeCaseClosedMail = (
  record: CaseRecord,
  to: string,
  outcome: NonNullable<CaseRecord['outcome']>,
  statusUrl: string,
): Mail => {
  const label = CASE_OUTCOME_LABELS[outcome]
  return {
    to,
    subject: `[${record.reference}] Permohonan Anda telah selesai diproses`,
    text: `Yth. ${record.applicant.name},\n\nPermohonan Anda dengan nomor registrasi ${record.reference} telah selesai diproses dengan hasil: ${label}.\nCek status: ${statusUrl}\n\nDinas Sosial`,
    html: html`<p>Yth. ${record.applicant.name},</p>
      <p>
        Permohonan Anda dengan nomor registrasi <strong>${record.reference}</strong> telah selesai diproses
        dengan hasil: <strong>${label}</strong>.
      </p>
      <p><a href="${statusUrl}">Cek status</a></p>`.value,
  }
}
