/**
 * `GET /v/{code}`: anyone holding a printed Surat Rekomendasi (a provider, the resident)
 * checks that it is genuine. It shows only what is printed about the service, never
 * about the person: whoever can guess or read a code learns nothing about anyone.
 */
import type { RecommendationLetter } from '../core/case/recommendation-letter'
import { serviceLabel } from '../core/catalog/services'
import type { HttpResult } from '../http/runtime/action'
import { formatLongDate } from './dates'
import { html, type SafeHtml } from './html'
import { page } from './page'

/** `ABCD-EFGH-…`: easier to compare with the paper; the page accepts it with or without dashes. */
export const groupedCode = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code

const row = (term: string, value: SafeHtml | string): SafeHtml =>
  html`<dt>${term}</dt>
    <dd>${value}</dd>`

export const letterVerificationPage = (letter: RecommendationLetter, valid: boolean): HttpResult =>
  page(
    200,
    'Verifikasi Surat Rekomendasi',
    html`${
        valid
          ? html`<p class="notice" role="status">
              <strong>Surat ini asli</strong> dan masih berlaku sampai ${formatLongDate(letter.validUntil)}.
            </p>`
          : html`<div class="alert" role="status">
              <strong>Surat ini asli</strong>, tetapi <strong>sudah tidak berlaku</strong>: masa berlakunya
              berakhir pada ${formatLongDate(letter.validUntil)}.
            </div>`
      }
      <dl>
        ${row('Nomor registrasi', letter.reference)} ${row('Layanan', serviceLabel(letter.service))}
        ${row('Diterbitkan oleh', letter.officeName)}
        ${row('Tanggal terbit', formatLongDate(letter.issueDate))}
        ${row('Berlaku sampai', formatLongDate(letter.validUntil))}
        ${row('Status', valid ? 'Berlaku' : 'Sudah tidak berlaku')}
        ${row('Kode verifikasi', html`<span class="letter-code">${groupedCode(letter.code)}</span>`)}
      </dl>
      <p class="hint">
        Halaman ini sengaja tidak menampilkan data pribadi. Cocokkan nomor registrasi dan kode di atas dengan
        surat yang Anda terima, dan nama pada surat dengan KTP pemegangnya.
      </p>`,
  )
