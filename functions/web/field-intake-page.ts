/**
 * `/staff/kasus-baru` (issue 15 item 1, ADR 0037): the TKSK files a case found in the
 * field, for a desa of their own kecamatan. The person's and the request's fields are the
 * resident form's (`request-form-page.ts`), in its "someone else" wording. A plain POST
 * form, so it works without JavaScript; with it, `task-draft.js` keeps what is typed on the
 * device (never NIK, KK or a long number) and a submit without signal keeps the page
 * instead of losing it. The hidden Idempotency-Key, sent again with a resubmit, files one
 * case however often the form is sent.
 */
import type { AreaRow } from '../core/areas/area-index'
import type { HttpResult } from '../http/runtime/action'
import { errorSummary, type FormState, selectField } from './fields'
import { html } from './html'
import { applicantFields, consentFieldset, REQUEST_FIELDS, requestFields } from './request-form-page'
import { csrfInput, type StaffContext, staffPage } from './staff-layout'
import { TASK_FORM_SCRIPTS } from './task-form'

export interface FieldIntakeModel extends FormState {
  /** The desa of the TKSK's kecamatan: the only places they may file for. */
  villages: readonly AreaRow[]
  kecamatanName: string
  /** Sent back with the form: the API's Idempotency-Key. */
  idempotencyKey: string
  /** A problem with the whole submission (e.g. the form was already sent with other values). */
  notice?: string
}

export const FIELD_INTAKE_PATH = '/staff/kasus-baru'
export const IDEMPOTENCY_FIELD = '_idempotencyKey'
/** The draft the browser keeps of this form: one per device, until it is filed. */
const DRAFT_KEY = 'kasus-baru'

export const fieldIntakePage = (ctx: StaffContext, model: FieldIntakeModel, statusCode = 200): HttpResult =>
  staffPage(
    ctx,
    statusCode,
    'Catat kasus baru dari lapangan',
    html`<p>
        Catat orang yang Anda temui atau laporan warga di kecamatan ${model.kecamatanName}. Kasus tercatat
        atas Anda sebagai pencatatnya; cetak tanda terima untuk orang tersebut agar ia dapat mengecek status.
      </p>
      ${model.notice ? html`<div class="alert" role="alert">${model.notice}</div>` : ''}
      ${errorSummary(model, REQUEST_FIELDS)}
      <form method="post" action="${FIELD_INTAKE_PATH}" data-draft="${DRAFT_KEY}" novalidate>
        ${csrfInput(ctx.csrf)}
        <input type="hidden" name="${IDEMPOTENCY_FIELD}" value="${model.idempotencyKey}" />
        <p class="draft-status" role="status" data-draft-note></p>
        <fieldset>
          <legend>1. Wilayah</legend>
          ${selectField(model, {
            name: 'applicant.villageCode',
            label: 'Desa/Kelurahan',
            required: true,
            choices: model.villages.map((v) => ({ value: v.code, label: v.name })),
          })}
        </fieldset>
        <fieldset>
          <legend>2. Data orang yang dicatat</legend>
          ${applicantFields(model, true)}
        </fieldset>
        <fieldset>
          <legend>3. Permohonan</legend>
          ${requestFields(model)}
        </fieldset>
        ${consentFieldset(model, '4. Persetujuan (bacakan kepada orang tersebut)')}
        <p class="draft-status" role="status" data-draft-status></p>
        <button type="submit">Catat kasus</button>
      </form>`,
    { scripts: [...TASK_FORM_SCRIPTS] },
  )
