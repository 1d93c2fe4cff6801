/**
 * `/staff/verval`: the verval batches of the caller's scope and, for a TKSK, the upload
 * form (a plain multipart form: it works without JavaScript) with the templates and a
 * short help on the `aksi` and `alasan` values.
 */
import { VERVAL_PROGRAM_LABELS, VERVAL_PROGRAMS } from '../core/catalog/verval-programs'
import { ALASAN_HAPUS, AKSI, STATUS_PKH } from '../core/verval/columns'
import type { HttpResult } from '../http/runtime/action'
import { dataTable } from './data-table'
import { formatShort } from './dates'
import { errorSummary, type FormState, inputField, selectField } from './fields'
import { html, type SafeHtml } from './html'
import { csrfInput, type StaffContext, staffPage } from './staff-layout'
import { nationalExportForm } from './verval-export-form'
import { batchStatusLabel } from './verval-progress'
import { type DesaPartsSection, desaPartsSection } from './verval-desa-parts-section'
import { FILE_FIELD, uploadFileField } from './verval-file'

export interface BatchListItem {
  batchId: string
  kecamatan: string
  program: string
  period: string
  status: string
  rows: number
  errorCount: number
  createdAt: string
}

export interface VervalListModel {
  items: readonly BatchListItem[]
  areaName: (code: string) => string
  /** The upload form, for a TKSK only. */
  upload?: FormState
  /** National or provincial readers pick a kabupaten/kota or kecamatan first. */
  areaFilter?: FormState
  /** The national export form, for the kabupaten's Dinsos only (ADR 0034). */
  nationalExport?: FormState
  /** A kecamatan's desa parts of a period (issue 21, ADR 0033). */
  desaParts?: { kecamatan: string; section: DesaPartsSection }
}

export { FILE_FIELD } from './verval-file'

const AKSI_HELP: Readonly<Record<(typeof AKSI)[number], string>> = {
  TETAP: 'keluarga tetap terdaftar tanpa perubahan',
  BARU: 'keluarga baru (belum aktif di kecamatan ini)',
  UBAH: 'data keluarga yang sudah terdaftar berubah',
  HAPUS: 'keluarga dikeluarkan; kolom alasan wajib diisi',
}

const ALASAN_HELP: Readonly<Record<(typeof ALASAN_HAPUS)[number], string>> = {
  MENINGGAL: 'meninggal dunia',
  PINDAH: 'pindah domisili',
  MAMPU: 'sudah mampu',
  TIDAK_MEMENUHI_SYARAT: 'tidak memenuhi syarat',
  DUPLIKAT: 'data ganda',
}

const fileField = (state: FormState): SafeHtml =>
  uploadFileField(
    state,
    'Berkas verval (.csv, .txt Unicode atau .xlsx, paling besar 5 MiB)',
    html`Gunakan template di bawah; NIK, No. KK dan No. KKS sebagai teks.`,
  )

const uploadForm = (ctx: StaffContext, state: FormState): SafeHtml =>
  html`<section aria-labelledby="unggah">
    <h2 id="unggah">Unggah verval</h2>
    ${errorSummary(state, ['program', 'period', FILE_FIELD])}
    <form
      method="post"
      action="/staff/verval"
      enctype="multipart/form-data"
      data-presign="/staff/verval/unggah"
    >
      ${csrfInput(ctx.csrf)}
      <input type="hidden" name="uploadId" value="" />
      ${selectField(state, {
        name: 'program',
        label: 'Program',
        required: true,
        choices: VERVAL_PROGRAMS.map((p) => ({ value: p, label: VERVAL_PROGRAM_LABELS[p] })),
      })}
      ${inputField(state, {
        name: 'period',
        label: 'Periode',
        hint: 'Bulan berjalan atau bulan sebelumnya, format TTTT-BB.',
        type: 'month',
        required: true,
        maxlength: 7,
      })}
      ${fileField(state)}
      <p data-upload-status role="status"></p>
      <button type="submit">Unggah</button>
    </form>
    <p>
      Template: <a href="/staff/verval/template.csv" download>template-verval.csv</a> ·
      <a href="/staff/verval/template.xlsx" download>template-verval.xlsx</a>
    </p>
    <details>
      <summary>Petunjuk pengisian</summary>
      <p>Satu baris per keluarga. Kolom <code>aksi</code>:</p>
      <ul>
        ${AKSI.map((a) => html`<li><code>${a}</code>: ${AKSI_HELP[a]}</li>`)}
      </ul>
      <p>Kolom <code>alasan</code> (hanya untuk <code>HAPUS</code>):</p>
      <ul>
        ${ALASAN_HAPUS.map((a) => html`<li><code>${a}</code>: ${ALASAN_HELP[a]}</li>`)}
      </ul>
      <p>
        Kolom berikut boleh dikosongkan: <code>id_dtsen_keluarga</code>, <code>id_dtsen_pengurus</code>,
        <code>no_peserta_pkh</code> dan <code>status_pkh</code> (diisi berpasangan; status salah satu dari
        ${STATUS_PKH.join(', ')}), <code>tempat_lahir</code>, <code>no_rekening</code> (8–20 digit) dan
        <code>nama_ibu_kandung</code>. Nomor rekening dan nama ibu kandung dilindungi seperti NIK: di sistem
        hanya tampil tersamar dan tidak pernah dikirim lewat email. Template lama tanpa kolom-kolom ini tetap
        diterima.
      </p>
    </details>
  </section>`

const areaFilterForm = (state: FormState): SafeHtml =>
  html`<form method="get" action="/staff/verval" class="filters">
    ${errorSummary(state, ['area'])}
    <div>
      ${inputField(state, {
        name: 'area',
        label: 'Kode wilayah',
        hint: 'Kabupaten/kota atau kecamatan, mis. 32.01 atau 32.01.14.',
        plain: true,
      })}
    </div>
    <div><button type="submit">Tampilkan</button></div>
  </form>`

const batchTable = (model: VervalListModel): SafeHtml =>
  model.items.length === 0
    ? html`<p>Belum ada verval untuk wilayah ini.</p>`
    : dataTable({
        caption: 'Batch verval',
        columns: ['Program', 'Periode', 'Kecamatan', 'Status', 'Baris', 'Kesalahan', 'Diunggah'],
        rows: model.items.map(
          (b) =>
            html`<tr>
              <td><a href="/staff/verval/${b.batchId}">${b.program}</a></td>
              <td>${b.period}</td>
              <td>${model.areaName(b.kecamatan)}</td>
              <td>${batchStatusLabel(b.status)}</td>
              <td>${b.rows}</td>
              <td>${b.errorCount}</td>
              <td>${formatShort(b.createdAt, b.kecamatan)}</td>
            </tr>`,
        ),
      })

export const vervalListPage = (ctx: StaffContext, model: VervalListModel, statusCode = 200): HttpResult =>
  staffPage(
    ctx,
    statusCode,
    'Verval',
    html`<p>
        <a href="/staff/verval/usulan">Usulan baris verval</a> dari pengaduan, usulan dan sanggahan bansos,
        untuk dikonfirmasi dalam verval berikutnya.
      </p>
      ${model.upload ? uploadForm(ctx, model.upload) : ''}
      ${model.areaFilter ? areaFilterForm(model.areaFilter) : ''}
      ${model.nationalExport ? nationalExportForm(ctx.csrf, model.nationalExport) : ''}
      ${model.desaParts ? desaPartsSection(ctx.csrf, model.desaParts.kecamatan, model.desaParts.section) : ''}
      <section aria-labelledby="daftar">
        <h2 id="daftar">Daftar batch</h2>
        ${batchTable(model)}
      </section>`,
    model.upload ? { scripts: ['verval-upload.js'] } : {},
  )
