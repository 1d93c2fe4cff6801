/**
 * The desa parts of a period on `/staff/verval` (issue 21 item 1, ADR 0033): per
 * desa/kelurahan what arrived (rows, musdes date, uploaded at) and what is missing, the
 * TKSK's button to mail the links, and the form composing the kecamatan batch from the
 * parts plus the TKSK's own file. Plain forms: all of it works without JavaScript.
 */
import { VERVAL_PROGRAM_LABELS, VERVAL_PROGRAMS } from '../core/catalog/verval-programs'
import type { DesaPartLine, DesaPartState } from '../core/verval/desa-part'
import { dataTable } from './data-table'
import { formatShort } from './dates'
import { errorFor, errorSummary, type FormState } from './fields'
import { html, type SafeHtml } from './html'
import { csrfInput } from './staff-layout'
import { ACCEPTED_FILES, FILE_FIELD } from './verval-file'

export interface DesaPartsSection {
  program: string
  period: string
  /** Dinsos picks the kecamatan (a TKSK's is always their own); empty until picked. */
  kecamatanPick?: string
  lines: readonly DesaPartLine[]
  /** The TKSK (or Dinsos) may mail the links; the TKSK may compose. */
  mayRequest: boolean
  mayCompose: boolean
  /** What the last "kirim" did, shown once after its redirect. */
  notice?: string
  compose?: FormState
}

const STATE_LABELS: Readonly<Record<DesaPartState, string>> = {
  RECEIVED: 'Sudah masuk',
  WAITING: 'Menunggu unggahan desa',
  EXPIRED: 'Tautan kedaluwarsa',
  NOT_ASKED: 'Belum dikirimi tautan',
  NO_EMAIL: 'Tanpa email: diisi TKSK',
}

const partRow = (line: DesaPartLine, kecamatan: string): SafeHtml =>
  html`<tr>
    <td>${line.desaName}</td>
    <td>${STATE_LABELS[line.state]}</td>
    <td>${line.received ? String(line.received.rowCount) : '-'}</td>
    <td>${line.received?.musdesDate ?? '-'}</td>
    <td>${line.received ? formatShort(line.received.uploadedAt, kecamatan) : '-'}</td>
  </tr>`

// Own ids: the upload form above has fields named program and period too.
const periodPicker = (section: DesaPartsSection): SafeHtml =>
  html`<form method="get" action="/staff/verval#desa" class="filters">
    <div class="field">
      <label for="f-desa-program">Program</label>
      <select id="f-desa-program" name="program">
        ${VERVAL_PROGRAMS.map(
          (p) =>
            html`<option value="${p}" ${p === section.program ? html` selected` : ''}>
              ${VERVAL_PROGRAM_LABELS[p]}
            </option>`,
        )}
      </select>
    </div>
    <div class="field">
      <label for="f-desa-period">Periode</label>
      <input id="f-desa-period" name="period" type="month" value="${section.period}" />
    </div>
    ${
      section.kecamatanPick === undefined
        ? ''
        : html`<div class="field">
            <label for="f-desa-kecamatan">Kode kecamatan</label>
            <p class="hint" id="f-desa-kecamatan-hint">Misalnya 32.01.14.</p>
            <input
              id="f-desa-kecamatan"
              name="kecamatan"
              value="${section.kecamatanPick}"
              aria-describedby="f-desa-kecamatan-hint"
            />
          </div>`
    }
    <div><button type="submit">Tampilkan</button></div>
  </form>`

const hiddenPeriod = (section: DesaPartsSection): SafeHtml =>
  html`<input type="hidden" name="program" value="${section.program}" />
    <input type="hidden" name="period" value="${section.period}" />${
      section.kecamatanPick
        ? html`<input type="hidden" name="kecamatan" value="${section.kecamatanPick}" />`
        : ''
    }`

const composeForm = (csrf: string, section: DesaPartsSection): SafeHtml => {
  const state = section.compose ?? { values: {}, errors: [] }
  const error = errorFor(state, FILE_FIELD)
  return html`<h3 id="gabung">Gabungkan menjadi batch kecamatan</h3>
    ${errorSummary(state, [FILE_FIELD])}
    <form method="post" action="/staff/verval/gabung" enctype="multipart/form-data">
      ${csrfInput(csrf)} ${hiddenPeriod(section)}
      <div class="field${error ? ' has-error' : ''}">
        <label for="f-gabung-file">Baris TKSK (opsional: desa tanpa email dan perubahan lain)</label>
        ${error ? html`<p class="error" id="f-gabung-file-error">${error}</p>` : ''}
        <input id="f-gabung-file" name="${FILE_FIELD}" type="file" accept="${ACCEPTED_FILES}" />
      </div>
      <button type="submit">Gabungkan jadi batch</button>
    </form>`
}

export const desaPartsSection = (csrf: string, kecamatan: string, section: DesaPartsSection): SafeHtml => {
  const received = section.lines.filter((line) => line.state === 'RECEIVED').length
  if (section.kecamatanPick === '')
    return html`<section aria-labelledby="desa">
      <h2 id="desa">Hasil musdes desa/kelurahan</h2>
      ${periodPicker(section)}
    </section>`
  return html`<section aria-labelledby="desa">
    <h2 id="desa">Hasil musdes desa/kelurahan</h2>
    ${periodPicker(section)}
    <p>
      ${received} dari ${section.lines.length} desa/kelurahan sudah mengirim hasil musdes ${section.program}
      periode ${section.period}.
    </p>
    ${section.notice ? html`<p role="status">${section.notice}</p>` : ''}
    ${dataTable({
      caption: 'Hasil musdes per desa/kelurahan',
      columns: ['Desa/kelurahan', 'Keadaan', 'Baris', 'Tanggal musdes', 'Diunggah'],
      rows: section.lines.map((line) => partRow(line, kecamatan)),
    })}
    ${
      section.mayRequest
        ? html`<form method="post" action="/staff/verval/desa">
            ${csrfInput(csrf)} ${hiddenPeriod(section)}
            <button type="submit">Kirim tautan ke desa yang belum dikirimi</button>
          </form>`
        : ''
    }
    ${section.mayCompose ? composeForm(csrf, section) : ''}
  </section>`
}
