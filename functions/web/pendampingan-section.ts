/**
 * "Pendampingan" on a staff's case page (issue 15, ADR 0032): what the TKSK recorded
 * after the referral's result, and for the TKSK of the kecamatan the form that records
 * the next one (a plain POST with the CSRF token).
 */
import {
  PENDAMPINGAN_KINDS,
  PENDAMPINGAN_KIND_LABELS,
  type PendampinganEntry,
} from '../core/case/pendampingan'
import { dataTable } from './data-table'
import { errorSummary, type FormState, inputField, selectField, textareaField } from './fields'
import { html, type SafeHtml } from './html'
import { csrfInput } from './staff-layout'

const FIELDS = ['date', 'kind', 'findings', 'nextVisit'] as const

const pendampinganForm = (caseId: string, csrf: string, state: FormState): SafeHtml =>
  html`<h3 id="catat-pendampingan">Catat pendampingan</h3>
    ${errorSummary(state, FIELDS)}
    <form method="post" action="/staff/cases/${caseId}/pendampingan" aria-labelledby="catat-pendampingan">
      ${csrfInput(csrf)}
      ${inputField(state, { name: 'date', label: 'Tanggal', type: 'date', required: true })}
      ${selectField(state, {
        name: 'kind',
        label: 'Jenis',
        required: true,
        choices: PENDAMPINGAN_KINDS.map((kind) => ({ value: kind, label: PENDAMPINGAN_KIND_LABELS[kind] })),
      })}
      ${textareaField(state, {
        name: 'findings',
        label: 'Temuan',
        hint: 'Keadaan keluarga dan tindak lanjut yang disepakati.',
        required: true,
        maxlength: 2000,
      })}
      ${inputField(state, { name: 'nextVisit', label: 'Kunjungan berikutnya', type: 'date' })}
      <button type="submit">Simpan pendampingan</button>
    </form>`

export const pendampinganSection = (input: {
  caseId: string
  entries: readonly PendampinganEntry[]
  date: (isoDate: string) => string
  /** The form, for the TKSK who may record (with its errors after a failed post); absent otherwise. */
  form?: { csrf: string; state: FormState }
}): SafeHtml =>
  html`<section aria-labelledby="pendampingan">
    <h2 id="pendampingan">Pendampingan</h2>
    ${
      input.entries.length === 0
        ? html`<p>Belum ada pendampingan tercatat.</p>`
        : dataTable({
            caption: 'Pendampingan setelah hasil rujukan',
            columns: ['Tanggal', 'Jenis', 'Temuan', 'Kunjungan berikutnya', 'Oleh'],
            rows: input.entries.map(
              (e) =>
                html`<tr>
                  <td>${input.date(e.date)}</td>
                  <td>${PENDAMPINGAN_KIND_LABELS[e.kind]}</td>
                  <td>${e.findings}</td>
                  <td>${e.nextVisit ? input.date(e.nextVisit) : '-'}</td>
                  <td>${e.by.name}</td>
                </tr>`,
            ),
          })
    }
    ${input.form ? pendampinganForm(input.caseId, input.form.csrf, input.form.state) : ''}
  </section>`
