/**
 * "PSKS" (`/staff/psks`, issue 16 item 2): the PSKS register of the kecamatan (or the
 * kabupaten/kota) with a form to add one. A PSKS marked "dapat menerima rujukan" is
 * offered when Dinsos picks a provider for a case of its area (ADR 0031).
 */
import { PSKS_KIND_LABELS, PSKS_KINDS } from '../core/psks/psks-kinds'
import type { PsksView } from '../core/psks/psks-record'
import type { HttpResult } from '../http/runtime/action'
import type { ErrorDetail } from '../shared/errors'
import { dataTable } from './data-table'
import { type Choice, errorSummary, type FormState, inputField, selectField } from './fields'
import { html } from './html'
import { csrfInput, type StaffContext, staffPage } from './staff-layout'

export const PSKS_PATH = '/staff/psks'

export interface PsksPageModel {
  title: string
  items: readonly PsksView[]
  placeName: (code: string) => string
  notice?: string
  listErrors: readonly ErrorDetail[]
  /** Absent when the user may not add (read-only roles). */
  form?: FormState & { choices: readonly Choice[] } & {
    /** Whether "Dapat menerima rujukan" is ticked; undefined when the user may not set it (only Dinsos/admin vet). */
    acceptsReferrals: boolean | undefined
  }
}

const KIND_CHOICES = PSKS_KINDS.map((kind) => ({ value: kind, label: PSKS_KIND_LABELS[kind] }))
const FIELDS = [
  'name',
  'kind',
  'area',
  'contact.person',
  'contact.phone',
  'contact.email',
  'acceptsReferrals',
]

const contactText = (p: PsksView) =>
  [p.contact.person, p.contact.phone, p.contact.email].filter(Boolean).join(', ') || '—'

const referralBox = (checked: boolean) =>
  html`<div class="field">
    <label
      ><input type="checkbox" name="acceptsReferrals" value="true" ${checked ? html` checked` : ''} /> Dapat
      menerima rujukan</label
    >
    <p class="hint">Ditawarkan kepada Dinas Sosial saat memilih penyedia untuk kasus di wilayahnya.</p>
  </div>`

const addForm = (ctx: StaffContext, form: NonNullable<PsksPageModel['form']>) =>
  html`<h2 id="tambah">Tambah PSKS</h2>
    <form method="post" action="${PSKS_PATH}" novalidate>
      ${csrfInput(ctx.csrf)} ${errorSummary(form, FIELDS)}
      ${inputField(form, { name: 'name', label: 'Nama', required: true, maxlength: 150 })}
      ${selectField(form, { name: 'kind', label: 'Jenis PSKS', required: true, choices: KIND_CHOICES })}
      ${selectField(form, {
        name: 'area',
        label: 'Desa/kelurahan atau kecamatan',
        required: true,
        choices: form.choices,
      })}
      ${inputField(form, { name: 'contact.person', label: 'Narahubung', maxlength: 100 })}
      ${inputField(form, {
        name: 'contact.phone',
        label: 'Telepon',
        type: 'tel',
        inputmode: 'tel',
        autocomplete: 'off',
        hint: 'Mis. 081234567890.',
      })}
      ${inputField(form, {
        name: 'contact.email',
        label: 'Email',
        type: 'email',
        autocomplete: 'off',
        hint: 'Wajib bila dapat menerima rujukan: tautan rujukan dikirim ke email ini.',
      })}
      ${form.acceptsReferrals === undefined ? '' : referralBox(form.acceptsReferrals)}
      <button type="submit">Simpan PSKS</button>
    </form>`

export const psksPage = (ctx: StaffContext, model: PsksPageModel, statusCode = 200): HttpResult => {
  const rows = model.items.map(
    (p) =>
      html`<tr>
        <th scope="row">${p.name}</th>
        <td>${PSKS_KIND_LABELS[p.kind]}</td>
        <td>${model.placeName(p.area)}</td>
        <td>${contactText(p)}</td>
        <td>${p.active ? 'Aktif' : 'Nonaktif'}${p.acceptsReferrals ? ', menerima rujukan' : ''}</td>
      </tr>`,
  )
  const listState = { values: {}, errors: model.listErrors }
  return staffPage(
    ctx,
    statusCode,
    model.title,
    html`${model.notice ? html`<p class="ok" role="status">${model.notice}</p>` : ''}
    ${errorSummary(listState, [])}
    ${
      model.items.length === 0
        ? html`<p>Belum ada PSKS tercatat.</p>`
        : dataTable({
            caption: 'Daftar PSKS',
            columns: ['Nama', 'Jenis', 'Wilayah', 'Kontak', 'Status'],
            rows,
          })
    }
    ${model.form ? addForm(ctx, model.form) : ''}`,
  )
}
