/**
 * `/staff/admin/pengesahan` (issue 21.5, ADR 0035): the admin sets the kabupaten/kota's
 * monthly pengesahan day; saving it (25 included) starts the reminders.
 */
import type { HttpResult } from '../http/runtime/action'
import { errorSummary, type FormState, inputField } from './fields'
import { html } from './html'
import { csrfInput, type StaffContext, staffPage } from './staff-layout'

export interface PengesahanAdminModel {
  form: FormState
  /** Whether reminders run (the day was saved) or the default only is shown. */
  watched: boolean
  saved: boolean
}

const FIELDS = ['area', 'day'] as const

export const adminPengesahanPage = (
  ctx: StaffContext,
  model: PengesahanAdminModel,
  statusCode = 200,
): HttpResult =>
  staffPage(
    ctx,
    statusCode,
    'Tanggal pengesahan verval',
    html`${model.saved ? html`<p class="notice" role="status">Tanggal pengesahan tersimpan.</p>` : ''}
      <p>
        Setiap bulan, verval kecamatan harus diunggah, disetujui, dan Berita Acaranya ditandatangani paling
        lambat tanggal ini. Pengingat dikirim 5 hari dan 1 hari sebelumnya; pada tanggalnya, eskalasi.
        ${model.watched ? '' : html`<strong>Pengingat belum aktif: simpan tanggal untuk mengaktifkannya.</strong>`}
      </p>
      <form method="post" action="/staff/admin/pengesahan" novalidate>
        ${errorSummary(model.form, FIELDS)} ${csrfInput(ctx.csrf)}
        ${inputField(model.form, {
          name: 'area',
          label: 'Kode kabupaten/kota',
          hint: 'Mis. 32.01.',
          required: true,
          maxlength: 5,
        })}
        ${inputField(model.form, {
          name: 'day',
          label: 'Tanggal pengesahan (1–28)',
          type: 'number',
          inputmode: 'numeric',
          required: true,
        })}
        <button type="submit">Simpan</button>
      </form>`,
  )
