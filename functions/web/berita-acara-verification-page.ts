/**
 * `GET /v/{code}` for a Berita Acara (issue 21.3, ADR 0035): anyone holding the paper
 * checks that it was issued here, which revision it is and whether it was signed. Only
 * the scope and the totals: no name, no identity number.
 */
import { VERVAL_PROGRAM_LABELS } from '../core/catalog/verval-programs'
import { BERITA_ACARA_TITLE, type BeritaAcaraRevision } from '../core/verval/berita-acara'
import type { HttpResult } from '../http/runtime/action'
import { periodLabel } from './berita-acara-page'
import { formatLongDate } from './dates'
import { html, type SafeHtml } from './html'
import { groupedCode } from './letter-verification-page'
import { page } from './page'

const row = (term: string, value: SafeHtml | string): SafeHtml =>
  html`<dt>${term}</dt>
    <dd>${value}</dd>`

export const beritaAcaraVerificationPage = (
  revision: BeritaAcaraRevision,
  areaName: (code: string) => string,
): HttpResult =>
  page(
    200,
    `Verifikasi ${BERITA_ACARA_TITLE}`,
    html`${
        revision.supersededBy === undefined
          ? html`<p class="notice" role="status">
              <strong>Berita acara ini asli</strong> dan merupakan revisi terbaru.
            </p>`
          : html`<div class="alert" role="status">
              <strong>Berita acara ini asli</strong>, tetapi sudah <strong>digantikan</strong> oleh revisi
              ${String(revision.supersededBy)}.
            </div>`
      }
      <dl>
        ${row('Wilayah', `${areaName(revision.area)} (${revision.area})`)}
        ${row('Program', VERVAL_PROGRAM_LABELS[revision.program])}
        ${row('Periode', periodLabel(revision.period))} ${row('Revisi', String(revision.revision))}
        ${row('Jumlah perubahan', `Baru ${revision.totals.BARU}, Ubah ${revision.totals.UBAH}, Hapus ${revision.totals.HAPUS}`)}
        ${row(
          'Penandatanganan',
          revision.signature
            ? `${revision.signature.signerName}, ${formatLongDate(revision.signature.signedOn)}`
            : 'Belum dicatat',
        )}
        ${row('Kode verifikasi', html`<span class="letter-code">${groupedCode(revision.code)}</span>`)}
      </dl>
      <p class="hint">
        Halaman ini sengaja tidak menampilkan data pribadi. Cocokkan kode dan jumlah di atas dengan kertasnya.
      </p>`,
  )
