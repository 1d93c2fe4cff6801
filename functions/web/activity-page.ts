/**
 * "Kegiatan" (`/staff/kegiatan`, issue 16 item 4): the kegiatan of a month and, for the
 * TKSK, the form to log one, made for a phone with a bad signal: `task-draft.js` keeps
 * what is typed on the device and says so when the connection drops, and the form
 * carries the kegiatan's id, so sending it again never logs it twice (ADR 0031).
 */
import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_KINDS,
  COORDINATION_PARTNER_LABELS,
  COORDINATION_PARTNERS,
} from '../core/activities/activity-kinds'
import type { ActivityView } from '../core/activities/activity-record'
import type { HttpResult } from '../http/runtime/action'
import type { ErrorDetail } from '../shared/errors'
import { dataTable } from './data-table'
import {
  type Choice,
  errorFor,
  errorSummary,
  type FormState,
  inputField,
  selectField,
  textareaField,
} from './fields'
import { html } from './html'
import { csrfInput, type StaffContext, staffPage } from './staff-layout'

export const ACTIVITIES_PATH = '/staff/kegiatan'

export interface ActivityPageModel {
  title: string
  month: string
  items: readonly ActivityView[]
  placeName: (code: string) => string
  notice?: string
  listErrors: readonly ErrorDetail[]
  /** Absent when the user may not log (everyone but the TKSK). */
  form?: FormState & { choices: readonly Choice[] } & { activityId: string; partners: readonly string[] }
}

const KIND_CHOICES = ACTIVITY_KINDS.map((kind) => ({ value: kind, label: ACTIVITY_KIND_LABELS[kind] }))
const FIELDS = ['kind', 'partners', 'date', 'desa', 'reached', 'notes']

const kindText = (a: ActivityView) =>
  a.partners?.length
    ? `${ACTIVITY_KIND_LABELS[a.kind]} dengan ${a.partners.map((p) => COORDINATION_PARTNER_LABELS[p]).join(', ')}`
    : ACTIVITY_KIND_LABELS[a.kind]

const partnersField = (form: NonNullable<ActivityPageModel['form']>) => {
  const error = errorFor(form, 'partners')
  return html`<fieldset class="field" id="f-partners">
    <legend>Mitra koordinasi/rakor (untuk koordinasi saja)</legend>
    ${error ? html`<p class="error">${error}</p>` : ''}
    ${COORDINATION_PARTNERS.map(
      (p) =>
        html`<label
          ><input
            type="checkbox"
            name="partners"
            value="${p}"
            ${form.partners.includes(p) ? html` checked` : ''}
          />
          ${COORDINATION_PARTNER_LABELS[p]}</label
        >`,
    )}
  </fieldset>`
}

const logForm = (ctx: StaffContext, form: NonNullable<ActivityPageModel['form']>) =>
  html`<h2 id="catat">Catat kegiatan</h2>
    <form method="post" action="${ACTIVITIES_PATH}" data-draft="kegiatan" novalidate>
      ${csrfInput(ctx.csrf)}
      <input type="hidden" name="activityId" value="${form.activityId}" />
      <p class="draft-status" role="status" data-draft-note></p>
      ${errorSummary(form, FIELDS)}
      ${selectField(form, { name: 'kind', label: 'Jenis kegiatan', required: true, choices: KIND_CHOICES })}
      ${partnersField(form)}
      ${inputField(form, { name: 'date', label: 'Tanggal', type: 'date', required: true })}
      ${selectField(form, { name: 'desa', label: 'Desa/kelurahan', required: true, choices: form.choices })}
      ${inputField(form, {
        name: 'reached',
        label: 'Jumlah orang yang dijangkau',
        type: 'number',
        inputmode: 'numeric',
        required: true,
      })}
      ${textareaField(form, { name: 'notes', label: 'Catatan', maxlength: 2000 })}
      <p class="draft-status" role="status" data-draft-status></p>
      <button type="submit">Simpan kegiatan</button>
    </form>`

export const activityPage = (ctx: StaffContext, model: ActivityPageModel, statusCode = 200): HttpResult => {
  const rows = model.items.map(
    (a) =>
      html`<tr>
        <th scope="row">${a.date}</th>
        <td>${kindText(a)}</td>
        <td>${model.placeName(a.desa)}</td>
        <td>${String(a.reached)}</td>
        <td>${a.notes || '—'}</td>
      </tr>`,
  )
  const monthState = {
    values: { bulan: model.month },
    errors: model.listErrors.map((e) => ({ ...e, path: 'bulan' })),
  }
  return staffPage(
    ctx,
    statusCode,
    model.title,
    html`${model.notice ? html`<p class="ok" role="status">${model.notice}</p>` : ''}
      <form method="get" action="${ACTIVITIES_PATH}">
        ${inputField(monthState, { name: 'bulan', label: 'Bulan', type: 'month', plain: true, hint: 'Format TTTT-BB.' })}
        <button type="submit">Tampilkan</button>
      </form>
      ${
        model.items.length === 0
          ? html`<p>Belum ada kegiatan pada bulan ini.</p>`
          : dataTable({
              caption: `Kegiatan bulan ${model.month}`,
              columns: ['Tanggal', 'Kegiatan', 'Desa/kelurahan', 'Orang', 'Catatan'],
              rows,
            })
      }
      ${model.form ? logForm(ctx, model.form) : ''}`,
    model.form ? { scripts: ['task-draft.js'] } : {},
  )
}
