/**
 * The resident's receipt (DESIGN v3 §4): the reference and the access code that opens
 * the status page, so a lost confirmation page loses nothing. No category (it may be
 * sensitive), no NIK, no birth date.
 */
import type { CaseRecord } from '../core/case/case-record'
import { statusPageUrl } from '../core/case/status-url'
import type { Mail } from './mail'
import { html } from '../web/html'

export const composeIntakeReceiptMail = (
  record: Pick<CaseRecord, 'reference' | 'accessCode' | 'applicant'>,
  publicBaseUrl: string,
): Mail | undefined => {
  const to = record.applicant.email
  if (!to || !record.accessCode) return undefined
  const statusUrl = statusPageUrl(publicBaseUrl, record.reference)
  return {
    to,
    subject: `[${record.reference}] Permohonan Anda sudah diterima`,
    text: [
      `Yth. ${record.applicant.name},`,
      '',
      `Permohonan Anda sudah kami terima dengan nomor registrasi ${record.reference}.`,
      `Kode akses: ${record.accessCode}`,
      '',
      `Cek status di ${statusUrl} dengan nomor registrasi dan kode akses di atas.`,
      'Jangan berikan kode akses kepada orang lain. Petugas tidak pernah meminta uang untuk layanan ini.',
      '',
      'Dinas Sosial',
    ].join('\n'),
    html: html`<p>Yth. ${record.applicant.name},</p>
      <p>Permohonan Anda sudah kami terima dengan nomor registrasi <strong>${record.reference}</strong>.</p>
      <p>Kode akses: <strong>${record.accessCode}</strong></p>
      <p>
        <a href="${statusUrl}">Cek status</a> dengan nomor registrasi dan kode akses di atas. Jangan berikan
        kode akses kepada orang lain. Petugas tidak pernah meminta uang untuk layanan ini.
      </p>
      <p>Dinas Sosial</p>`.value,
  }
}
