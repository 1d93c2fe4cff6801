/**
 * The provider's page of a referral task (DESIGN §5): the task page plus what the
 * provider needs to reach and serve the applicant (`referralDisclosure`). It lives here,
 * not in functions/web/task-page.ts, because it is the one link page that shows PII and
 * must never render without its `PII_READ` entry (see `renderLinkTask`).
 */
import type { CaseRecord } from '../../core/case/case-record'
import type { ReferralDisclosure } from '../../core/case/referral-disclosure'
import { TASK_ASKS, TASK_TITLES } from '../../core/case/task-kinds'
import type { TaskRecord } from '../../core/case/task-record'
import type { HttpResult } from '../runtime/action'
import { html } from '../../web/html'
import { page } from '../../web/page'
import { type FormContext, TASK_FORM_SCRIPTS, taskForm } from '../../web/task-form'
import { caseSummaryHtml } from '../../web/task-page'

const applicantContactHtml = (disclosure: ReferralDisclosure) =>
  html`<h2>Kontak dan identitas pemohon</h2>
    <dl>
      ${
        disclosure.phone
          ? html`<dt>Telepon</dt>
              <dd>${disclosure.phone}</dd>`
          : ''
      }
      ${
        disclosure.nik
          ? html`<dt>NIK</dt>
              <dd>${disclosure.nik}</dd>`
          : ''
      }
      ${
        disclosure.kk
          ? html`<dt>No. KK</dt>
              <dd>${disclosure.kk}</dd>`
          : ''
      }
    </dl>
    <p>Data ini hanya untuk memberikan layanan rujukan; setiap pembukaan halaman ini dicatat.</p>`

export const referralTaskPage = (
  record: CaseRecord,
  task: TaskRecord,
  disclosure: ReferralDisclosure,
  form: { action: string; secret: string; context: Omit<FormContext, 'kind' | 'taskId'> },
  statusCode = 200,
): HttpResult => {
  const result = page(
    statusCode,
    TASK_TITLES[task.kind],
    html`<p>${TASK_ASKS[task.kind]}</p>
      ${caseSummaryHtml(record, task, true)}${applicantContactHtml(disclosure)}${taskForm(
        form.action,
        form.secret,
        {
          ...form.context,
          kind: task.kind,
          taskId: task.taskId,
        },
      )}`,
    { scripts: TASK_FORM_SCRIPTS },
  )
  // Personal data: no browser or proxy keeps a copy.
  return { ...result, headers: { ...result.headers, 'cache-control': 'no-store' } }
}
