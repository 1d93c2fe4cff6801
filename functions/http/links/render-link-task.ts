/**
 * The page of an actionable link, shown by `GET /t/{id}` and re-shown with errors by a
 * refused `POST`. The links that show the applicant's personal data (the provider's
 * referral tasks, the TKSK's assessment: `linkDisclosureOf`) first record the view as
 * `PII_READ` with the purpose (`referral`, `asesmen`), actor = the link's recipient with
 * IP and user agent, on the case's chain: a view that could not be recorded is not shown.
 */
import { disclosedFields } from '../../core/case/referral-disclosure'
import { linkDisclosureOf } from '../../core/case/link-disclosure'
import { appendAudit } from '../../data/audit-repository'
import { auditEntityId } from '../../data/keys'
import type { ErrorDetail } from '../../shared/errors'
import type { HttpResult, RequestContext } from '../runtime/action'
import { taskPage } from '../../web/task-page'
import { requestActor } from '../cases/resident-actor'
import { formContext } from '../../flows/links/form-context'
import { placeName } from '../runtime/staff-context'
import { disclosedTaskPage } from './disclosed-task-page'
import type { ResolvedTaskLink } from '../../flows/links/resolve-link'

export const renderLinkTask = async (
  request: RequestContext,
  { link, task, record }: ResolvedTaskLink,
  form: { secret: string; values: Record<string, string>; errors: readonly ErrorDetail[] },
  statusCode = 200,
): Promise<HttpResult> => {
  const pageForm = {
    action: `/t/${link.linkId}`,
    secret: form.secret,
    context: await formContext(task, record, form.values, form.errors),
  }
  const policy = linkDisclosureOf(task.kind)
  if (!policy) return taskPage(record, task, pageForm, placeName, statusCode)
  const disclosure = policy.disclose(record)
  await appendAudit({
    entityId: auditEntityId.case(record.caseId),
    area: record.kecamatan,
    actor: requestActor(request.event, link.recipient.id, link.recipient.role),
    action: 'PII_READ',
    after: {
      purpose: policy.purpose,
      fields: disclosedFields(disclosure),
      linkId: link.linkId,
      taskId: task.taskId,
    },
    correlationId: request.correlationId,
  })
  return disclosedTaskPage(
    record,
    task,
    { disclosure, purpose: policy.purpose },
    pageForm,
    placeName,
    statusCode,
  )
}
