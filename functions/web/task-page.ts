/**
 * The page of a task link (DESIGN §4, §5): the case summary without NIK or KK (the
 * provider also sees the name and address it needs to serve) and the decision form;
 * the decided, expired and unknown-link pages. The free text shown (description,
 * findings) is masked here too: the link travels by email, and whatever text was stored
 * before write-time masking must not reach the approver's screen.
 */
import { CASE_STATUS_LABELS } from '../core/catalog/case-statuses'
import { serviceLabel } from '../core/catalog/services'
import type { CaseRecord } from '../core/case/case-record'
import { maskPersonalText } from '../core/identity/disclosure'
import { TASK_ASKS, TASK_TITLES } from '../core/case/task-kinds'
import type { TaskRecord } from '../core/case/task-record'
import { formatLocalTime } from '../core/calendar/local-time'
import type { HttpResult } from '../http/runtime/action'
import { unlistedDueNote } from './due-date-note'
import { html } from './html'
import { page } from './page'
import { type FormContext, TASK_FORM_SCRIPTS, taskForm } from './task-form'

export const caseSummaryHtml = (record: CaseRecord, task: TaskRecord, forProvider: boolean) => {
  const shown = (text: string) => maskPersonalText(text, record.applicant)
  return html`<dl>
    <dt>Nomor registrasi</dt>
    <dd>${record.reference}</dd>
    <dt>Status</dt>
    <dd>${CASE_STATUS_LABELS[record.status]}</dd>
    <dt>Desa/kelurahan</dt>
    <dd>${record.applicant.villageCode}</dd>
    <dt>Layanan</dt>
    <dd>${serviceLabel(record.service)}</dd>
    ${
      forProvider
        ? html`<dt>Nama pemohon</dt>
            <dd>${record.applicant.name}</dd>
            <dt>Alamat</dt>
            <dd>${shown(record.applicant.address)}</dd>`
        : ''
    }
    ${
      record.description && !forProvider
        ? html`<dt>Uraian</dt>
            <dd>${shown(record.description)}</dd>`
        : ''
    }
    ${
      record.assessment
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

export const taskPage = (
  record: CaseRecord,
  task: TaskRecord,
  form: { action: string; secret: string; context: Omit<FormContext, 'kind' | 'taskId'> },
  statusCode = 200,
): HttpResult =>
  page(
    statusCode,
    TASK_TITLES[task.kind],
    html`<p>${TASK_ASKS[task.kind]}</p>
      ${caseSummaryHtml(record, task, task.kind.startsWith('REFERRAL_'))}${taskForm(form.action, form.secret, { ...form.context, kind: task.kind, taskId: task.taskId })}`,
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
