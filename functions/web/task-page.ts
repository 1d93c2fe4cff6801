/**
 * The page of a task link (DESIGN §4, §5): the case summary without NIK or KK, the desa
 * by its name, and the decision form;
 * the decided, expired and unknown-link pages. The free text shown (description,
 * findings) is masked here too: the link travels by email, and whatever text was stored
 * before write-time masking must not reach the approver's screen.
 */
import { CASE_STATUS_LABELS } from '../core/catalog/case-statuses'
import { serviceLabel } from '../core/catalog/services'
import { bansosSubjectLine } from '../core/bansos/bansos-case'
import type { CaseRecord } from '../core/case/case-record'
import { maskPersonalText } from '../core/identity/disclosure'
import { TASK_ASKS, TASK_TITLES } from '../core/case/task-kinds'
import type { TaskRecord } from '../core/case/task-record'
import { formatLocalTime } from '../core/calendar/local-time'
import type { HttpResult } from '../http/runtime/action'
import { unlistedDueNote } from './due-date-note'
import { html, type SafeHtml } from './html'
import { page } from './page'
import { type FormContext, TASK_FORM_SCRIPTS, taskForm } from './task-form'

/** Turns an area code into the name people read (`placeLabel` over the area index). */
export type PlaceName = (code: string) => string

/**
 * The case as a link page shows it. The provider's pages leave out the resident's
 * description (what the provider needs is the recommendation); the adminduk referral
 * (desa/Disdukcapil) also leaves out the assessment's findings: it registers the person,
 * and why they asked for help is none of its business. Name, address and phone are never
 * here: only the pages that audit their view show them (`http/links`).
 */
export const caseSummaryHtml = (record: CaseRecord, task: TaskRecord, placeName: PlaceName) => {
  const shown = (text: string) => maskPersonalText(text, record.applicant)
  const forAdminduk = task.kind === 'ADMINDUK_REFERRAL'
  const forProvider = task.kind.startsWith('REFERRAL_') || forAdminduk
  return html`<dl>
    <dt>Nomor registrasi</dt>
    <dd>${record.reference}</dd>
    <dt>Status</dt>
    <dd>${CASE_STATUS_LABELS[record.status]}</dd>
    <dt>Desa/kelurahan</dt>
    <dd>${placeName(record.applicant.villageCode)}</dd>
    ${
      record.kind && record.bansos
        ? html`<dt>Pengajuan</dt>
            <dd>${bansosSubjectLine(record.kind, record.bansos)}</dd>`
        : html`<dt>Layanan</dt>
            <dd>${serviceLabel(record.service)}</dd>`
    }
    ${
      record.description && !forProvider
        ? html`<dt>Uraian</dt>
            <dd>${shown(record.description)}</dd>`
        : ''
    }
    ${
      record.assessment && !forAdminduk
        ? html`<dt>Temuan asesmen</dt>
            <dd>${shown(String(record.assessment.findings ?? ''))}</dd>`
        : ''
    }
    ${
      record.recommendation
        ? html`<dt>Rekomendasi</dt>
            <dd>${serviceLabel(record.recommendation.service)} — ${record.recommendation.providerName}</dd>`
        : ''
    }
    <dt>Batas waktu</dt>
    <dd>${formatLocalTime(task.dueAt, task.area)}${unlistedDueNote(task)}</dd>
  </dl>`
}

export interface TaskPageForm {
  action: string
  secret: string
  context: Omit<FormContext, 'kind' | 'taskId'>
}

/** The task page; `between` goes between the summary and the form (the applicant's contact on audited pages). */
export const taskPage = (
  record: CaseRecord,
  task: TaskRecord,
  form: TaskPageForm,
  placeName: PlaceName,
  statusCode = 200,
  between: SafeHtml | '' = '',
): HttpResult =>
  page(
    statusCode,
    TASK_TITLES[task.kind],
    html`<p>${TASK_ASKS[task.kind]}</p>
      ${caseSummaryHtml(record, task, placeName)}${between}${taskForm(form.action, form.secret, { ...form.context, kind: task.kind, taskId: task.taskId })}`,
    { scripts: TASK_FORM_SCRIPTS },
  )

export const messagePage = (statusCode: number, title: string, message: string): HttpResult =>
  page(statusCode, title, html`<p>${message}</p>`)

export const decidedPage = (message: string) => messagePage(409, 'Sudah diputuskan', message)
export const thanksPage = (task: TaskRecord) =>
  messagePage(200, 'Terima kasih', `Keputusan untuk kasus ${task.reference} telah dicatat.`)
export const notFoundPage = () =>
  messagePage(404, 'Tautan tidak dikenal', 'Tautan ini tidak dikenal. Periksa kembali email Anda.')
export const gonePage = (message: string) => messagePage(410, 'Tautan tidak berlaku', message)
