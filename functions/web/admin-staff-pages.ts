/**
 * The staff administration pages (issue 13): the directory of the admin's scope with
 * the import form, the invitation form, and a member's page with the change form and
 * the status actions. Plain forms (POST with the CSRF token): they work without
 * JavaScript, at 360 px, in Bahasa Indonesia.
 */
import { STAFF_ROLE_LABELS, STAFF_ROLES, type StaffView } from '../core/staff/staff-member'
import { STAFF_COLUMNS } from '../core/staff/staff-sheet'
import type { HttpResult } from '../http/runtime/action'
import { dataTable } from './data-table'
import { errorSummary, type FormState, inputField, selectField } from './fields'
import { html, type SafeHtml } from './html'
import { csrfInput, type StaffContext, staffPage } from './staff-layout'
import { uploadFileField } from './verval-file'

export const STAFF_FILE_FIELD = 'file'

export interface StaffListModel {
  items: readonly StaffView[]
  areaName: (code: string) => string
  /** The kabupaten/kota shown (a national admin picks it). */
  area?: string
  areaFilter: FormState
  importForm: FormState
  /** After an import: how many were created and updated. */
  imported?: { created: number; updated: number }
  nextCursor?: string | null
}

const roleLabel = (role: string): string => STAFF_ROLE_LABELS[role as StaffView['role']] ?? role

const statusLabel = (member: StaffView): string => (member.active ? 'Aktif' : 'Nonaktif')

const staffTable = (model: StaffListModel): SafeHtml =>
  model.items.length === 0
    ? html`<p>Belum ada petugas di wilayah ini.</p>`
    : dataTable({
        caption: 'Petugas',
        columns: ['Nama', 'Nama pengguna', 'Peran', 'Wilayah', 'Status', 'Akhir tugas'],
        rows: model.items.map(
          (member) =>
            html`<tr>
              <td><a href="/staff/admin/petugas/${encodeURIComponent(member.staffId)}">${member.name}</a></td>
              <td>${member.username}</td>
              <td>${roleLabel(member.role)}</td>
              <td>${member.area === '*' ? 'Nasional' : model.areaName(member.area)}</td>
              <td>${statusLabel(member)}</td>
              <td>${member.term?.end ?? '—'}</td>
            </tr>`,
        ),
      })

const importSection = (ctx: StaffContext, state: FormState): SafeHtml =>
  html`<section aria-labelledby="impor">
    <h2 id="impor">Impor dari berkas</h2>
    ${errorSummary(state, [STAFF_FILE_FIELD])}
    <form method="post" action="/staff/admin/petugas/impor" enctype="multipart/form-data">
      ${csrfInput(ctx.csrf)}
      ${uploadFileField(
        state,
        'Berkas petugas (.csv atau .xlsx)',
        html`Baris judul: ${STAFF_COLUMNS.join(', ')}. Nama pengguna yang sudah ada diperbarui; semua baris
        harus benar, atau tidak ada yang disimpan.`,
        STAFF_FILE_FIELD,
      )}
      <button type="submit">Impor</button>
    </form>
  </section>`

const areaFilterForm = (state: FormState): SafeHtml =>
  html`<form method="get" action="/staff/admin/petugas" class="filters">
    ${errorSummary(state, ['area'])}
    <div>
      ${inputField(state, {
        name: 'area',
        label: 'Wilayah',
        hint: 'Kode kabupaten/kota (mis. 32.01), kode provinsi untuk Dinas Sosial Provinsi (mis. 32), atau * untuk petugas nasional.',
        plain: true,
      })}
    </div>
    <div><button type="submit">Tampilkan</button></div>
  </form>`

export const staffListPage = (ctx: StaffContext, model: StaffListModel, statusCode = 200): HttpResult =>
  staffPage(
    ctx,
    statusCode,
    'Petugas',
    html`${ctx.user.area === '*' ? areaFilterForm(model.areaFilter) : ''}
      ${
        model.imported
          ? html`<p role="status" class="notice">
              Impor selesai: ${model.imported.created} petugas baru, ${model.imported.updated} diperbarui.
            </p>`
          : ''
      }
      <p>
        <a href="/staff/admin/petugas/baru">Undang petugas baru</a> ·
        <a href="/staff/admin/kalender">Kalender hari libur</a>
      </p>
      ${model.area ? html`<h2>Wilayah ${model.area === '*' ? 'nasional' : model.areaName(model.area)}</h2>` : ''}
      ${staffTable(model)}
      ${
        model.nextCursor
          ? html`<p>
              <a
                href="/staff/admin/petugas?${new URLSearchParams({ ...(model.area ? { area: model.area } : {}), cursor: model.nextCursor }).toString()}"
                >Berikutnya</a
              >
            </p>`
          : ''
      }
      ${importSection(ctx, model.importForm)}`,
  )

const STAFF_FIELDS = ['username', 'name', 'email', 'role', 'area', 'term.skNumber', 'term.start', 'term.end']

const memberFields = (state: FormState, creating: boolean): SafeHtml =>
  html`${
      creating
        ? inputField(state, {
            name: 'username',
            label: 'Nama pengguna',
            hint: 'Huruf kecil, angka, titik, - atau _, mis. tksk.cigudeg. Tidak dapat diubah.',
            required: true,
            autocomplete: 'off',
            maxlength: 64,
          })
        : ''
    }
    ${inputField(state, { name: 'name', label: 'Nama', required: true, autocomplete: 'off', maxlength: 100 })}
    ${inputField(state, { name: 'email', label: 'Email', type: 'email', required: true, autocomplete: 'off' })}
    ${selectField(state, {
      name: 'role',
      label: 'Peran',
      required: true,
      choices: STAFF_ROLES.map((role) => ({ value: role, label: STAFF_ROLE_LABELS[role] })),
    })}
    ${inputField(state, {
      name: 'area',
      label: 'Kode wilayah',
      hint: 'TKSK: kode kecamatan (mis. 32.01.14). Dinas Sosial Provinsi: kode provinsi (mis. 32), hanya oleh administrator nasional. Peran lain: kode kabupaten/kota (mis. 32.01).',
      required: true,
      maxlength: 8,
    })}
    <fieldset>
      <legend>SK penugasan (khusus TKSK)</legend>
      ${inputField(state, { name: 'term.skNumber', label: 'Nomor SK', maxlength: 100 })}
      ${inputField(state, { name: 'term.start', label: 'Awal masa tugas', type: 'date' })}
      ${inputField(state, { name: 'term.end', label: 'Akhir masa tugas', type: 'date' })}
    </fieldset>`

export const newStaffPage = (ctx: StaffContext, state: FormState, statusCode = 200): HttpResult =>
  staffPage(
    ctx,
    statusCode,
    'Undang petugas',
    html`${errorSummary(state, STAFF_FIELDS)}
      <p>Petugas menerima email undangan untuk masuk. Wilayah harus di dalam cakupan Anda.</p>
      <form method="post" action="/staff/admin/petugas">
        ${csrfInput(ctx.csrf)} ${memberFields(state, true)}
        <button type="submit">Undang</button>
      </form>
      <p><a href="/staff/admin/petugas">Kembali ke daftar petugas</a></p>`,
  )

const statusForm = (ctx: StaffContext, member: StaffView, action: string, label: string): SafeHtml =>
  html`<form method="post" action="/staff/admin/petugas/${encodeURIComponent(member.staffId)}/status">
    ${csrfInput(ctx.csrf)}<input type="hidden" name="aksi" value="${action}" />
    <button type="submit">${label}</button>
  </form>`

const statusSection = (ctx: StaffContext, member: StaffView, errors: FormState['errors']): SafeHtml =>
  html`<section aria-labelledby="status">
    <h2 id="status">Status: ${statusLabel(member)}</h2>
    ${
      errors.length > 0
        ? html`<div class="alert" role="alert">${errors.map((e) => html`<p>${e.message}</p>`)}</div>`
        : ''
    }
    <p>
      Penonaktifan, perubahan peran atau wilayah berlaku pada permintaan berikutnya orang tersebut; tugas
      terbukanya dialihkan ke Dinas Sosial kabupaten/kota dengan email.
    </p>
    ${member.active ? statusForm(ctx, member, 'nonaktifkan', 'Nonaktifkan') : statusForm(ctx, member, 'aktifkan', 'Aktifkan kembali')}
    ${member.active && member.role === 'tksk' ? statusForm(ctx, member, 'akhiri-tugas', 'Akhiri masa tugas hari ini') : ''}
  </section>`

export interface EditStaffOptions {
  statusErrors?: FormState['errors']
  statusCode?: number
  /** What the admin's last action did, said after its redirect. */
  notice?: string
}

export const editStaffPage = (
  ctx: StaffContext,
  member: StaffView,
  state: FormState,
  { statusErrors = [], statusCode = 200, notice }: EditStaffOptions = {},
): HttpResult =>
  staffPage(
    ctx,
    statusCode,
    `Petugas ${member.name}`,
    html`${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
      <p>Nama pengguna: <strong>${member.username}</strong></p>
      ${statusSection(ctx, member, statusErrors)}
      <section aria-labelledby="ubah">
        <h2 id="ubah">Ubah data</h2>
        ${errorSummary(state, STAFF_FIELDS)}
        <form method="post" action="/staff/admin/petugas/${encodeURIComponent(member.staffId)}">
          ${csrfInput(ctx.csrf)} ${memberFields(state, false)}
          <button type="submit">Simpan</button>
        </form>
      </section>
      <p><a href="/staff/admin/petugas">Kembali ke daftar petugas</a></p>`,
  )

/** A member's values as the change form shows them. */
export const formValuesOf = (member: StaffView): Record<string, string> => ({
  name: member.name,
  email: member.email,
  role: member.role,
  area: member.area,
  'term.skNumber': member.term?.skNumber ?? '',
  'term.start': member.term?.start ?? '',
  'term.end': member.term?.end ?? '',
})
