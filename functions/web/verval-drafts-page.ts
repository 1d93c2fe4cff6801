/**
 * "Usulan baris verval" (`/staff/verval/usulan`, ADR 0036): the draft rows that bansos
 * cases of a kecamatan became in a period, for the TKSK to confirm in the next batch:
 * each row is copied into the verval file (the CSV download has the file's columns),
 * completed with NIK, KK and KKS from the documents, and uploaded as usual.
 */
import { CASE_KIND_LABELS } from '../core/case/case-kind'
import { VERVAL_PROGRAM_LABELS } from '../core/catalog/verval-programs'
import type { VervalDraft } from '../core/bansos/verval-draft'
import type { HttpResult } from '../http/runtime/action'
import type { ErrorDetail } from '../shared/errors'
import { dataTable } from './data-table'
import { errorSummary, inputField } from './fields'
import { html } from './html'
import { type StaffContext, staffPage } from './staff-layout'

export const VERVAL_DRAFTS_PATH = '/staff/verval/usulan'

export interface VervalDraftsModel {
  kecamatan: string
  kecamatanName?: string
  period: string
  items: readonly VervalDraft[]
  errors: readonly ErrorDetail[]
}

export const vervalDraftsPage = (
  ctx: StaffContext,
  model: VervalDraftsModel,
  statusCode = 200,
): HttpResult => {
  const state = { values: { kecamatan: model.kecamatan, period: model.period }, errors: model.errors }
  const download = `/api/verval/drafts?kecamatan=${encodeURIComponent(model.kecamatan)}&period=${encodeURIComponent(model.period)}&format=csv`
  const table =
    model.items.length === 0
      ? html`<p>Belum ada usulan baris verval untuk kecamatan dan periode ini.</p>`
      : html`${dataTable({
            caption: 'Usulan baris verval',
            columns: ['Nomor registrasi', 'Asal', 'Program', 'Aksi', 'Alasan', 'Nama', 'Alamat', 'Kode desa'],
            rows: model.items.map(
              (d) =>
                html`<tr>
                  <td><a href="/staff/cases/${d.caseId}">${d.reference}</a></td>
                  <td>${CASE_KIND_LABELS[d.kind]}</td>
                  <td>${VERVAL_PROGRAM_LABELS[d.program]}</td>
                  <td>${d.aksi}</td>
                  <td>${d.alasan ?? ''}</td>
                  <td>${d.nama}</td>
                  <td>${d.alamat}</td>
                  <td>${d.kodeDesa}</td>
                </tr>`,
            ),
          })}
          <p><a class="button" href="${download}">Unduh sebagai baris CSV verval</a></p>`
  return staffPage(
    ctx,
    statusCode,
    'Usulan baris verval',
    html`<p><a href="/staff/verval">« Verval</a></p>
      <p>
        Baris di bawah berasal dari pengaduan, usulan dan sanggahan bansos yang Anda putuskan menjadi
        perubahan data KPM. Konfirmasikan dalam verval berikutnya: salin baris ke berkas verval periode ini,
        lengkapi NIK, Nomor KK dan Nomor KKS dari dokumen, lalu unggah seperti biasa.
      </p>
      ${errorSummary(state, ['kecamatan', 'period'])}
      <form method="get" action="${VERVAL_DRAFTS_PATH}">
        ${inputField(state, { name: 'kecamatan', label: 'Kode kecamatan', hint: 'Mis. 32.01.14; TKSK: kosongkan untuk kecamatan Anda.', plain: true, maxlength: 8 })}
        ${inputField(state, { name: 'period', label: 'Periode (TTTT-BB)', hint: 'Kosongkan untuk bulan berjalan.', plain: true, maxlength: 7 })}
        <button type="submit" class="secondary">Tampilkan</button>
      </form>
      ${
        model.errors.length === 0
          ? html`<h2>${model.kecamatanName ?? model.kecamatan}, periode ${model.period}</h2>
              ${table}`
          : ''
      }`,
  )
}
