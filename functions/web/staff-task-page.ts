/** A task for its assignee (`/staff/tasks/{taskId}`): the case in short and the task's form (the link page's fields). */
import { CATEGORY_LABELS } from '../core/catalog/categories'
import { serviceLabel } from '../core/catalog/services'
import { TASK_ASKS, TASK_TITLES } from '../core/case/task-kinds'
import type { TaskRecord } from '../core/case/task-record'
import type { HttpResult } from '../http/runtime/action'
import { formatShort } from './dates'
import { unlistedDueNote } from './due-date-note'
import { telHref } from './phone-link'
import { html } from './html'
import type { CaseDetailView } from './staff-case-page'
import { statusText } from './staff-cases-page'
import { type StaffContext, staffPage } from './staff-layout'
import { type FormContext, TASK_FORM_SCRIPTS, taskForm } from './task-form'

export const staffTaskPage = (
  ctx: StaffContext,
  task: Pick<TaskRecord, 'taskId' | 'kind' | 'dueAt' | 'area' | 'dueYearUnlisted'>,
  view: CaseDetailView,
  placeName: (code: string) => string,
  form: Omit<FormContext, 'kind' | 'taskId'>,
  statusCode = 200,
): HttpResult =>
  staffPage(
    ctx,
    statusCode,
    TASK_TITLES[task.kind],
    html`<p>${TASK_ASKS[task.kind]}</p>
      <dl>
        <dt>Nomor registrasi</dt>
        <dd><a href="/staff/cases/${view.caseId}">${view.reference}</a></dd>
        <dt>Tahap</dt>
        <dd>${statusText(view.status, view.outcome)}</dd>
        <dt>Pemohon</dt>
        <dd>${view.applicant.name}, ${view.applicant.address}, ${placeName(view.applicant.villageCode)}</dd>
        <dt>Nomor HP</dt>
        <dd>
          ${view.applicant.phone ? html`<a href="${telHref(view.applicant.phone)}">${view.applicant.phone}</a>` : '-'}
        </dd>
        <dt>Kategori</dt>
        <dd>${CATEGORY_LABELS[view.category] ?? view.category}</dd>
        <dt>Layanan dimohon</dt>
        <dd>${serviceLabel(view.service)}</dd>
        <dt>Uraian</dt>
        <dd>${view.description ?? '-'}</dd>
        <dt>Batas waktu</dt>
        <dd>${formatShort(task.dueAt, task.area)}${unlistedDueNote(task)}</dd>
      </dl>
      ${taskForm(`/staff/tasks/${task.taskId}`, ctx.csrf, { ...form, kind: task.kind, taskId: task.taskId }, '_csrf')}`,
    { scripts: TASK_FORM_SCRIPTS },
  )
