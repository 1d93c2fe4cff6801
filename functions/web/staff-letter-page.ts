/**
 * The printable Surat Rekomendasi (`/staff/cases/{caseId}/surat`) that staff hand to the
 * resident for the provider. The paper names the person (NIK masked, DESIGN §5); the
 * verification URL and code let the provider check it at `/v/{code}` without any PII.
 * The QR code (inline SVG, drawn by the caller) carries the same URL for a phone camera.
 */
import type { RecommendationLetter } from '../core/case/recommendation-letter'
import { serviceLabel } from '../core/catalog/services'
import type { HttpResult } from '../http/runtime/action'
import { formatLongDate } from './dates'
import { html, type SafeHtml } from './html'
import { groupedCode } from './letter-verification-page'
import type { CaseDetailView } from './staff-case-page'
import { type StaffContext, staffPage } from './staff-layout'

export interface StaffLetterModel {
  view: CaseDetailView
  letter: RecommendationLetter
  verifyUrl: string
  /** The QR code of `verifyUrl` (see `qrCodeHtml`). */
  qrCode: SafeHtml
  valid: boolean
  areaName: (code: string) => string
}

const row = (term: string, value: SafeHtml | string): SafeHtml =>
  html`<dt>${term}</dt>
    <dd>${value}</dd>`

export const staffLetterPage = (ctx: StaffContext, model: StaffLetterModel): HttpResult => {
  const { view, letter, verifyUrl, qrCode, valid, areaName } = model
  const provider = view.referral?.providerName ?? view.recommendation?.providerName
  return staffPage(
    ctx,
    200,
    'Surat Rekomendasi',
    html`<p class="no-print">
        <a href="/staff/cases/${view.caseId}">Kembali ke kasus ${view.reference}</a> · Cetak dengan menu cetak
        peramban (Ctrl+P).
      </p>
      ${valid ? '' : html`<div class="alert no-print" role="status">Surat ini sudah tidak berlaku.</div>`}
      <article class="letter" aria-label="Surat Rekomendasi ${letter.reference}">
        <p class="letter-office">${letter.officeName}</p>
        <p>Nomor: ${letter.reference}</p>
        <p>
          ${letter.officeName} merekomendasikan pemohon berikut untuk memperoleh layanan
          <strong>${serviceLabel(letter.service)}</strong>${provider ? html` melalui ${provider}` : ''}.
        </p>
        <dl>
          ${row('Nama', view.applicant.name)}
          ${row('NIK', view.applicant.nik ?? 'Belum ada (rujukan adminduk)')}
          ${row('Desa/Kelurahan', areaName(view.applicant.villageCode))}
          ${row('Kecamatan', areaName(view.kecamatan))}
          ${row('Tanggal terbit', formatLongDate(letter.issueDate))}
          ${row('Berlaku sampai', formatLongDate(letter.validUntil))}
        </dl>
        <div class="letter-sign">
          <p>${formatLongDate(letter.issueDate)}</p>
          <p>Disetujui oleh</p>
          <p class="letter-signer">${letter.approverName}</p>
        </div>
        <div class="letter-verify">
          ${qrCode}
          <div>
            <p>Keaslian surat ini dapat diperiksa dengan memindai kode QR atau membuka:</p>
            <p class="verify-url">${verifyUrl}</p>
            <p>Kode verifikasi: <span class="letter-code">${groupedCode(letter.code)}</span></p>
          </div>
        </div>
      </article>`,
  )
}
