/**
 * One PPKS entry (`/staff/ppks/{ppksId}`, issue 16 item 1, ADR 0038): the person or
 * household as recorded (NIK masked, birth year only), the case it became, and for the
 * TKSK the "Jadikan kasus" form: what a case needs beyond the entry (the service, the
 * documents' state, consent), checked by the intake itself.
 */
import { CATEGORY_LABELS } from '../core/catalog/categories'
import { SERVICES } from '../core/catalog/services'
import { CONSENT_TEXT } from '../core/case/consent'
import { PPKS_SUBJECT_LABELS, type PpksView } from '../core/ppks/ppks-record'
import type { HttpResult } from '../http/runtime/action'
import {
  errorFor,
  errorSummary,
  fieldId,
  type FormState,
  inputField,
  selectField,
  textareaField,
} from './fields'
import { html } from './html'
import { CATEGORY_CHOICES, PPKS_PATH, ppksEntryPath, SUBJECT_CHOICES } from './ppks-page'
import { csrfInput, type StaffContext, staffPage } from './staff-layout'

export interface PpksDetailModel {
  entry: PpksView
  placeName: (code: string) => string
  notice?: string
  /** Present when the user may turn the entry into a case and it has none yet. */
  caseForm?: FormState
  /** Present when the user may change the entry (`ppks:write` in its desa). */
  editForm?: FormState
}

/** The edit form's values from the entry as shown (the NIK and birth date change through the API only). */
export const editValues = (entry: PpksView): Record<string, string> => ({
  subject: entry.subject,
  category: entry.category,
  name: entry.name,
  address: entry.address ?? '',
  members: entry.members === undefined ? '' : String(entry.members),
  notes: entry.notes ?? '',
  active: entry.active ? 'true' : 'false',
})

const EDIT_FIELDS = ['subject', 'category', 'name', 'address', 'members', 'notes', 'active']

const editForm = (ctx: StaffContext, entry: PpksView, form: FormState) =>
  html`<h2 id="ubah">Ubah data</h2>
    <form method="post" action="${ppksEntryPath(entry.ppksId)}" novalidate>
      ${csrfInput(ctx.csrf)} ${errorSummary(form, EDIT_FIELDS)}
      ${selectField(form, { name: 'subject', label: 'Perorangan atau keluarga', required: true, choices: SUBJECT_CHOICES })}
      ${selectField(form, { name: 'category', label: 'Kategori PPKS', required: true, choices: CATEGORY_CHOICES })}
      ${inputField(form, { name: 'name', label: 'Nama', required: true, maxlength: 100 })}
      ${inputField(form, { name: 'address', label: 'Alamat', maxlength: 200 })}
      ${inputField(form, { name: 'members', label: 'Jumlah anggota keluarga', inputmode: 'numeric' })}
      ${textareaField(form, { name: 'notes', label: 'Catatan', maxlength: 1000 })}
      ${selectField(form, {
        name: 'active',
        label: 'Status',
        required: true,
        choices: [
          { value: 'true', label: 'Aktif' },
          { value: 'false', label: 'Tidak aktif (pindah, meninggal, sudah tertangani, atau keliru dicatat)' },
        ],
      })}
      <button type="submit">Simpan perubahan</button>
    </form>`

const CASE_FIELDS = [
  'service',
  'applicant.nikStatus',
  'applicant.kk',
  'applicant.kkStatus',
  'applicant.birthDateStatus',
  'applicant.estimatedAge',
  'applicant.address',
  'applicant.phone',
  'description',
  'consent',
]

const mark = (form: FormState, name: string, label: string, withNone: boolean) =>
  selectField(form, {
    name,
    label,
    plain: true,
    placeholder: 'Ada',
    choices: [
      { value: 'UNKNOWN', label: 'Tidak diketahui' },
      ...(withNone ? [{ value: 'NONE', label: 'Tidak punya' }] : []),
    ],
  })

const caseForm = (ctx: StaffContext, entry: PpksView, form: FormState) => {
  const consentError = errorFor(form, 'consent')
  return html`<h2 id="jadikan-kasus">Jadikan kasus</h2>
    <p class="hint">Nama, NIK, tanggal lahir, desa dan kategori diambil dari data PPKS ini. Untuk mengubahnya, ubah data PPKS terlebih dahulu.</p>
    <form method="post" action="${ppksEntryPath(entry.ppksId)}/kasus" novalidate>
      ${csrfInput(ctx.csrf)} ${errorSummary(form, CASE_FIELDS)}
      ${selectField(form, {
        name: 'service',
        label: 'Layanan yang dibutuhkan',
        required: true,
        choices: SERVICES.map((s) => ({ value: s.code, label: s.label })),
      })}
      ${entry.nik === null ? mark(form, 'applicant.nikStatus', 'Keterangan NIK', true) : ''}
      ${inputField(form, {
        name: 'applicant.kk',
        label: 'Nomor KK',
        plain: true,
        inputmode: 'numeric',
        autocomplete: 'off',
        maxlength: 16,
      })}
      ${mark(form, 'applicant.kkStatus', 'Keterangan Nomor KK', true)}
      ${
        entry.birthYear === null
          ? html`${mark(form, 'applicant.birthDateStatus', 'Keterangan tanggal lahir', false)}
            ${inputField(form, { name: 'applicant.estimatedAge', label: 'Perkiraan umur', inputmode: 'numeric' })}`
          : ''
      }
      ${entry.address === undefined ? inputField(form, { name: 'applicant.address', label: 'Alamat', required: true, maxlength: 200 }) : ''}
      ${inputField(form, { name: 'applicant.phone', label: 'Nomor HP', type: 'tel', inputmode: 'tel', autocomplete: 'off' })}
      ${textareaField(form, { name: 'description', label: 'Uraian', maxlength: 2000, hint: 'Kosongkan untuk memakai catatan PPKS.' })}
      <fieldset${consentError ? html` class="has-error"` : ''}>
        <legend>Persetujuan</legend>
        ${consentError ? html`<p class="error" id="${fieldId('consent')}-error">${consentError}</p>` : ''}
        <label class="choice" for="${fieldId('consent')}"
          ><input type="checkbox" id="${fieldId('consent')}" name="consent" value="true" required${
            form.values.consent === 'true' ? html` checked` : ''
          }${consentError ? html` aria-invalid="true" aria-describedby="${fieldId('consent')}-error"` : ''} />
          <span>Yang bersangkutan menyatakan: ${CONSENT_TEXT}</span></label
        >
      </fieldset>
      <button type="submit">Jadikan kasus</button>
    </form>`
}

/**
 * The page's title: the `<title>` is what browser history, tabs and bookmarks keep on an
 * office's shared computer, so a sensitive entry's title does not name the person (the
 * list does not either); the name is read in the page, whose opening is audited.
 */
const titleOf = (entry: PpksView): string =>
  entry.sensitive ? 'PPKS kategori sensitif' : `PPKS — ${entry.name}`

export const ppksDetailPage = (ctx: StaffContext, model: PpksDetailModel, statusCode = 200): HttpResult => {
  const { entry } = model
  return staffPage(
    ctx,
    statusCode,
    titleOf(entry),
    html`${model.notice ? html`<p class="ok" role="status">${model.notice}</p>` : ''}
      <p><a href="${PPKS_PATH}">Kembali ke daftar PPKS</a></p>
      ${entry.sensitive ? html`<p class="hint">Kategori sensitif: setiap pembukaan halaman ini tercatat di jejak audit.</p>` : ''}
      <dl>
        ${
          entry.sensitive
            ? html`<dt>Nama</dt>
                <dd>${entry.name}</dd>`
            : ''
        }
        <dt>Kategori</dt>
        <dd>${CATEGORY_LABELS[entry.category]}</dd>
        <dt>Jenis</dt>
        <dd>
          ${PPKS_SUBJECT_LABELS[entry.subject]}${entry.members === undefined ? '' : `, ${entry.members} orang`}
        </dd>
        <dt>Desa/kelurahan</dt>
        <dd>${model.placeName(entry.desa)}</dd>
        <dt>NIK</dt>
        <dd>
          ${entry.nik ?? 'Tidak dicatat'}${entry.nikRegisteredElsewhere ? ' (terdaftar di kecamatan lain)' : ''}
        </dd>
        <dt>Tahun lahir</dt>
        <dd>${entry.birthYear === null ? '—' : String(entry.birthYear)}</dd>
        <dt>Alamat</dt>
        <dd>${entry.address ?? '—'}</dd>
        <dt>Catatan</dt>
        <dd>${entry.notes ?? '—'}</dd>
        <dt>Status</dt>
        <dd>${entry.active ? 'Aktif' : 'Tidak aktif'}</dd>
        <dt>Kasus</dt>
        <dd>
          ${entry.case ? html`<a href="/staff/cases/${entry.case.caseId}">${entry.case.reference}</a>` : 'Belum menjadi kasus'}
        </dd>
      </dl>
      ${model.caseForm ? caseForm(ctx, entry, model.caseForm) : ''}
      ${model.editForm ? editForm(ctx, entry, model.editForm) : ''}`,
  )
}
