/**
 * "PPKS" (`/staff/ppks`, issue 16 item 1, ADR 0038): the register of a kecamatan (or of
 * the kabupaten/kota) — the counts per desa × category, the entries, the cases of the
 * area — with the TKSK's form to record one. A sensitive entry is listed without the
 * person; its name is read on its own page, where the read is audited.
 */
import { CASE_STATUS_LABELS, type CaseStatus } from '../core/catalog/case-statuses'
import { CATEGORIES, CATEGORY_LABELS, type CategoryCode } from '../core/catalog/categories'
import { mapCategoryLabel } from '../core/ppks/ppks-map'
import { PPKS_SUBJECT_LABELS, PPKS_SUBJECTS, type PpksListItem } from '../core/ppks/ppks-record'
import type { DesaCount } from '../core/ppks/register-counts'
import type { HttpResult } from '../http/runtime/action'
import type { ErrorDetail } from '../shared/errors'
import { dataTable } from './data-table'
import { type Choice, errorSummary, type FormState, inputField, selectField, textareaField } from './fields'
import { html } from './html'
import { csrfInput, type StaffContext, staffPage } from './staff-layout'

export const PPKS_PATH = '/staff/ppks'
export const SOCIAL_MAP_PATH = '/staff/peta-sosial'

export const ppksEntryPath = (ppksId: string): string => `${PPKS_PATH}/${ppksId}`

export interface PpksAreaCase {
  caseId: string
  reference: string
  desa: string
  category: CategoryCode
  status: CaseStatus
}

export interface PpksPageModel {
  title: string
  items: readonly PpksListItem[]
  cases: readonly PpksAreaCase[]
  counts: readonly DesaCount[]
  placeName: (code: string) => string
  notice?: string
  listErrors: readonly ErrorDetail[]
  /** Absent when the user may not record here (read-only roles, or a kabupaten scope). */
  form?: FormState & { choices: readonly Choice[] }
}

export const SUBJECT_CHOICES: Choice[] = PPKS_SUBJECTS.map((s) => ({
  value: s,
  label: PPKS_SUBJECT_LABELS[s],
}))
export const CATEGORY_CHOICES: Choice[] = CATEGORIES.map((c) => ({
  value: c.code,
  label: c.sensitive ? `${c.label} (sensitif)` : c.label,
}))
/** A kabupaten holds thousands of cases: the page shows the first, the case list has them all. */
const CASES_SHOWN = 100
const FIELDS = ['subject', 'category', 'name', 'desa', 'nik', 'birthDate', 'address', 'members', 'notes']

const addForm = (ctx: StaffContext, form: NonNullable<PpksPageModel['form']>) =>
  html`<h2 id="catat">Catat PPKS</h2>
    <form method="post" action="${PPKS_PATH}" novalidate>
      ${csrfInput(ctx.csrf)} ${errorSummary(form, FIELDS)}
      ${selectField(form, { name: 'subject', label: 'Perorangan atau keluarga', required: true, choices: SUBJECT_CHOICES })}
      ${selectField(form, { name: 'category', label: 'Kategori PPKS', required: true, choices: CATEGORY_CHOICES })}
      ${inputField(form, {
        name: 'name',
        label: 'Nama',
        required: true,
        maxlength: 100,
        hint: 'Untuk keluarga: nama kepala keluarga.',
      })}
      ${selectField(form, { name: 'desa', label: 'Desa/kelurahan', required: true, choices: form.choices })}
      ${inputField(form, {
        name: 'nik',
        label: 'NIK',
        inputmode: 'numeric',
        autocomplete: 'off',
        maxlength: 16,
        hint: '16 digit, bila diketahui. Ditampilkan tersamar.',
      })}
      ${inputField(form, { name: 'birthDate', label: 'Tanggal lahir', type: 'date' })}
      ${inputField(form, { name: 'address', label: 'Alamat', maxlength: 200 })}
      ${inputField(form, {
        name: 'members',
        label: 'Jumlah anggota keluarga',
        inputmode: 'numeric',
        hint: 'Hanya untuk keluarga/rumah tangga.',
      })}
      ${textareaField(form, { name: 'notes', label: 'Catatan', maxlength: 1000 })}
      <button type="submit">Simpan PPKS</button>
    </form>`

const entryRow = (e: PpksListItem, placeName: (code: string) => string) =>
  html`<tr>
    <th scope="row">
      <a href="${ppksEntryPath(e.ppksId)}">${e.sensitive ? 'Data sensitif — buka' : e.name}</a>
    </th>
    <td>${CATEGORY_LABELS[e.category]}</td>
    <td>${PPKS_SUBJECT_LABELS[e.subject]}</td>
    <td>${placeName(e.desa)}</td>
    <td>${e.sensitive ? '—' : (e.nik ?? '—')}</td>
    <td>${e.case ? html`<a href="/staff/cases/${e.case.caseId}">${e.case.reference}</a>` : '—'}</td>
    <td>${e.active ? 'Aktif' : 'Tidak aktif'}</td>
  </tr>`

export const ppksPage = (ctx: StaffContext, model: PpksPageModel, statusCode = 200): HttpResult => {
  const listState = { values: {}, errors: model.listErrors }
  const counts = dataTable({
    caption: 'Jumlah PPKS per desa dan kategori',
    columns: ['Desa/kelurahan', 'Kategori', 'Jumlah'],
    rows: model.counts.map(
      (c) =>
        html`<tr>
          <th scope="row">${model.placeName(c.desa)}</th>
          <td>${mapCategoryLabel(c.category)}</td>
          <td class="num">${String(c.count)}</td>
        </tr>`,
    ),
  })
  const entries = dataTable({
    caption: 'Data PPKS hasil pendataan',
    columns: ['Nama', 'Kategori', 'Jenis', 'Desa/kelurahan', 'NIK', 'Kasus', 'Status'],
    rows: model.items.map((e) => entryRow(e, model.placeName)),
  })
  const cases = dataTable({
    caption: 'Kasus di wilayah ini',
    columns: ['Nomor', 'Kategori', 'Desa/kelurahan', 'Tahap'],
    rows: model.cases.slice(0, CASES_SHOWN).map(
      (c) =>
        html`<tr>
          <th scope="row"><a href="/staff/cases/${c.caseId}">${c.reference}</a></th>
          <td>${CATEGORY_LABELS[c.category]}</td>
          <td>${model.placeName(c.desa)}</td>
          <td>${CASE_STATUS_LABELS[c.status]}</td>
        </tr>`,
    ),
  })
  return staffPage(
    ctx,
    statusCode,
    model.title,
    html`${model.notice ? html`<p class="ok" role="status">${model.notice}</p>` : ''}
      ${errorSummary(listState, [])}
      <p>
        <a href="${SOCIAL_MAP_PATH}">Lihat peta sosial</a
        >${model.form ? html` · <a href="#catat">Catat PPKS</a>` : ''}
      </p>
      <h2>Jumlah per desa dan kategori</h2>
      <p class="hint">
        Data PPKS yang aktif dan belum menjadi kasus, ditambah kasus di wilayah ini (tiap orang dihitung
        sekali).
      </p>
      ${model.counts.length === 0 ? html`<p>Belum ada PPKS tercatat.</p>` : counts}
      <h2>Data PPKS</h2>
      ${model.items.length === 0 ? html`<p>Belum ada data PPKS.</p>` : entries}
      <h2>Kasus</h2>
      ${model.cases.length === 0 ? html`<p>Belum ada kasus.</p>` : cases}
      ${
        model.cases.length > CASES_SHOWN
          ? html`<p>
              ${String(CASES_SHOWN)} dari ${String(model.cases.length)} kasus ditampilkan; semuanya ada di
              <a href="/staff/cases">Daftar kasus</a>.
            </p>`
          : ''
      }
      ${model.form ? addForm(ctx, model.form) : ''}`,
  )
}
