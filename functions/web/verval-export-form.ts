/**
 * The Dinsos form of the national export (issue 21 item 4, ADR 0034) on `/staff/verval`:
 * program, period, purpose and format; a POST with the CSRF token that answers with the
 * file, or comes back with the API's errors beside their fields.
 */
import { VERVAL_PROGRAM_LABELS, VERVAL_PROGRAMS } from '../core/catalog/verval-programs'
import { errorSummary, type FormState, inputField, selectField } from './fields'
import { html, type SafeHtml } from './html'
import { csrfInput } from './staff-layout'

export const EXPORT_FIELDS = ['program', 'period', 'purpose', 'format', 'includeSent'] as const

export const nationalExportForm = (csrf: string, state: FormState): SafeHtml =>
  html`<section aria-labelledby="ekspor">
    <h2 id="ekspor">Ekspor perubahan KPM untuk SIKS-NG</h2>
    <p>
      Berkas berisi perubahan (BARU, UBAH, HAPUS) dari batch yang sudah diterapkan, dengan NIK, No. KK, nomor
      rekening dan nama ibu kandung <strong>lengkap</strong>. Setiap ekspor dicatat di jejak audit beserta
      tujuannya, dan batch yang sudah dikirim tidak ikut lagi kecuali diminta.
    </p>
    ${errorSummary(state, EXPORT_FIELDS)}
    <form method="post" action="/staff/verval/ekspor">
      ${csrfInput(csrf)}
      ${selectField(state, {
        name: 'program',
        label: 'Program',
        required: true,
        choices: VERVAL_PROGRAMS.map((p) => ({ value: p, label: VERVAL_PROGRAM_LABELS[p] })),
      })}
      ${inputField(state, {
        name: 'period',
        label: 'Periode',
        hint: 'Format TTTT-BB.',
        type: 'month',
        required: true,
        maxlength: 7,
      })}
      ${inputField(state, {
        name: 'purpose',
        label: 'Tujuan ekspor',
        hint: 'Misalnya: unggah Daftar KPM Perubahan ke SIKS-NG.',
        required: true,
        maxlength: 200,
      })}
      ${selectField(state, {
        name: 'format',
        label: 'Format berkas',
        required: true,
        choices: [
          { value: 'xlsx', label: 'Excel (XLSX)' },
          { value: 'csv', label: 'CSV' },
        ],
      })}
      ${selectField(state, {
        name: 'includeSent',
        label: 'Batch yang sudah pernah dikirim',
        required: true,
        choices: [
          { value: 'false', label: 'Jangan sertakan' },
          { value: 'true', label: 'Sertakan (kirim ulang)' },
        ],
      })}
      <button type="submit">Ekspor</button>
    </form>
  </section>`
