/**
 * The dashboard's block on the laporan bulanan (issue 16 item 5, ADR 0039): the reports
 * falling due in the shown month (those of the month before), how many were sent, and
 * each kecamatan whose report is late or missing, linked to its page.
 */
import { LAPORAN_STATUS_LABELS } from '../core/laporan/laporan-record'
import type { SubmissionRates, SubmissionRow } from '../core/laporan/submission-rates'
import { html, type SafeHtml } from './html'
import { monthLabel } from './report-parts'

export interface LaporanDashboardBlock {
  month: string
  rows: SubmissionRow[]
  rates: SubmissionRates
}

export const laporanDashboardBlock = (
  block: LaporanDashboardBlock,
  placeName: (code: string) => string,
): SafeHtml => {
  const overdue = block.rows.filter(
    (row) => row.late && (row.status === 'MISSING' || row.status === 'DRAFT' || row.status === 'RETURNED'),
  )
  const link = (kecamatan: string) =>
    `/staff/laporan-bulanan?${String(new URLSearchParams({ area: kecamatan, month: block.month }))}`
  return html`<section aria-labelledby="laporan-bulanan">
    <h2 id="laporan-bulanan">Laporan bulanan TKSK ${monthLabel(block.month)}</h2>
    <p>
      ${block.rates.submitted} dari ${block.rates.kecamatan} kecamatan sudah mengirim
      (${block.rates.acknowledged} diterima); ${block.rates.late} terlambat, ${block.rates.missing} belum
      dibuat.
    </p>
    ${
      overdue.length > 0
        ? html`<p><strong>Terlambat dan belum ada:</strong></p>
            <ul>
              ${overdue.map(
                (row) =>
                  html`<li>
                    <a href="${link(row.kecamatan)}">${placeName(row.kecamatan)}</a> —
                    ${LAPORAN_STATUS_LABELS[row.status]}
                  </li>`,
              )}
            </ul>`
        : ''
    }
    <p>
      <a href="/staff/laporan-bulanan?${String(new URLSearchParams({ month: block.month }))}"
        >Semua laporan bulanan</a
      >
    </p>
  </section>`
}
