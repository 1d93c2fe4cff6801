/**
 * The page of an actionable link, shown by `GET /t/{id}` and re-shown with errors by a
 * refused `POST`. A referral task shows the provider the applicant's contact and, where
 * needed, NIK/KK, so each such view is first recorded as `PII_READ` (purpose
 * `referral`, actor = the link's recipient, with IP and user agent) on the case's chain.
 */
import { disclosedFields, referralDisclosure } from '../../core/case/referral-disclosure'
import type { TaskKind } from '../../core/case/task-kinds'
import { appendAudit } from '../../data/audit-repository'
import { auditEntityId } from '../../data/keys'
import type { ErrorDetail } from '../../shared/errors'
import type { HttpResult, RequestContext } from '../runtime/action'
import { taskPage } from '../../web/task-page'
import { requestActor } from '../cases/resident-actor'
import { formContext } from '../../flows/links/form-context'
import { referralTaskPage } from './referral-page'
import type { ResolvedTaskLink } from '../../flows/links/resolve-link'

const PROVIDER_TASKS: ReadonlySet<TaskKind> = new Set<TaskKind>(['REFERRAL_RESPONSE', 'REFERRAL_RESULT'])

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
  if (!PROVIDER_TASKS.has(task.kind)) return taskPage(record, task, pageForm, statusCode)
  const disclosure = referralDisclosure(record)
  await appendAudit({
    entityId: auditEntityId.case(record.caseId),
    area: record.kecamatan,
    actor: requestActor(request.event, link.recipient.id, 'provider'),
    action: 'PII_READ',
    after: {
      purpose: 'referral',
      fields: disclosedFields(disclosure),
      linkId: link.linkId,
      taskId: task.taskId,
    },
    correlationId: request.correlationId,
  })
  return referralTaskPage(record, task, disclosure, pageForm, statusCode)
}
