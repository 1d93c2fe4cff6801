/**
 * The page of a desa's musdes link (issue 21 item 1, ADR 0033): which kecamatan, program
 * and period the verval is for, and a plain multipart form (no JavaScript needed) with
 * the date of the musyawarah and the verval file, posted to `/t/{linkId}/musdes`. Shown
 * again with the problems (400) when the upload is refused, each under its field or, for a
 * row, with its path.
 */
import { VERVAL_PROGRAM_LABELS } from '../core/catalog/verval-programs'
import { BASE_COLUMNS, CHAIN_COLUMNS } from '../core/verval/columns'
import type { DesaPartRecord } from '../core/verval/desa-part'
import type { HttpResult } from '../http/runtime/action'
import { formatShort } from './dates'
import { errorSummary, type FormState, inputField } from './fields'
import { html, type SafeHtml } from './html'
import { page } from './page'
import { FILE_FIELD, uploadFileField } from './verval-file'

export const MUSDES_DATE_FIELD = 'musdesDate'

const fileField = (state: FormState): SafeHtml =>
  uploadFileField(
    state,
    'Berkas hasil musdes (.csv, .txt Unicode atau .xlsx)',
    html`Kolom berurutan: <code>${BASE_COLUMNS.join(', ')}</code>, boleh diikuti
      <code>${CHAIN_COLUMNS.join(', ')}</code>. NIK, No. KK dan No. KKS sebagai teks; hanya keluarga
      desa/kelurahan Anda.`,
  )

export const desaPartUploadPage = (
  part: DesaPartRecord,
  form: { action: string; secret: string; state: FormState },
  placeName: (code: string) => string,
  status = 200,
): HttpResult =>
  page(
    status,
    `Hasil musdes ${part.desaName}`,
    html`<p>
        Verval ${VERVAL_PROGRAM_LABELS[part.program]} periode <strong>${part.period}</strong>, Kecamatan
        ${placeName(part.kecamatan)}. Tautan berlaku sampai ${formatShort(part.linkExpiresAt, part.kecamatan)}
        dan hanya untuk satu kali unggah.
      </p>
      ${errorSummary(form.state, [MUSDES_DATE_FIELD, FILE_FIELD])}
      <form method="post" action="${form.action}" enctype="multipart/form-data">
        <input type="hidden" name="k" value="${form.secret}" />
        ${inputField(form.state, {
          name: MUSDES_DATE_FIELD,
          label: 'Tanggal musyawarah desa/kelurahan',
          hint: 'Tidak boleh di masa depan; pada bulan periode atau bulan sebelumnya.',
          type: 'date',
          required: true,
        })}
        ${fileField(form.state)}
        <button type="submit">Kirim hasil musdes</button>
      </form>`,
  )

/** After the upload: what arrived, so the desa can tell the TKSK. */
export const desaPartThanksPage = (part: DesaPartRecord, rows: number, musdesDate: string): HttpResult =>
  page(
    200,
    'Terima kasih',
    html`<p>
      Hasil musdes ${part.desaName} (musyawarah ${musdesDate}) diterima: ${rows} baris untuk verval
      ${part.program} periode ${part.period}. TKSK kecamatan akan menggabungkannya.
    </p>`,
  )
