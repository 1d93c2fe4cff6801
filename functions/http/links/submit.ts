/**
 * `POST /t/{linkId}` (DESIGN §4): the link holder decides, once, what the link's kind
 * decides. Invalid fields re-render the form with the errors (400), the values kept.
 * Also answers `POST /verval/keputusan/{linkId}`, where approval forms mailed before
 * ADR 0017's addendum post.
 */
import { decideTask } from '../../flows/case/decide-task'
import { isAppError, UnsupportedMediaTypeError } from '../../shared/errors'
import { publicAction, type HttpResult, type RequestContext } from '../runtime/action'
import { thanksPage } from '../../web/task-page'
import { requestActor } from '../cases/resident-actor'
import { decideApproval } from './decide-approval'
import { linkErrorPage } from './link-error-page'
import { requireRecipientSession } from './recipient-session'
import { renderLinkTask } from './render-link-task'
import { type ResolvedTaskLink, resolveLink } from '../../flows/links/resolve-link'
import { countMetric } from '../../observability/metrics'

const formFields = (body: string): Record<string, string> => {
  const fields: Record<string, string> = {}
  for (const [key, value] of new URLSearchParams(body)) fields[key] = value
  return fields
}

const decideLinkTask = async (
  request: RequestContext,
  resolved: ResolvedTaskLink,
  form: { secret: string; values: Record<string, string>; fields: Record<string, string> },
): Promise<HttpResult> => {
  const { link, task, record } = resolved
  const actor = requestActor(request.event, link.recipient.id, 'provider')
  try {
    const decided = await decideTask({
      task,
      record,
      decider: {
        ...link.recipient,
        ...(actor.ip ? { ip: actor.ip } : {}),
        ...(actor.userAgent ? { userAgent: actor.userAgent } : {}),
      },
      fields: form.fields,
      correlationId: request.correlationId,
    })
    countMetric('LinkDecisions')
    return thanksPage(decided)
  } catch (error) {
    if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') throw error
    return await renderLinkTask(
      request,
      resolved,
      { secret: form.secret, values: form.values, errors: error.details },
      400,
    )
  }
}

export const submit = publicAction(async (request) => {
  const type = (request.event.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/x-www-form-urlencoded')
    throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded')
  const linkId = request.event.pathParameters?.linkId
  const { k: secret, ...values } = formFields(request.body)
  // A blank field means "not given", as the API's absent field does.
  const fields = Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== ''))
  try {
    const resolved = await resolveLink(linkId, secret)
    await requireRecipientSession(request.event, resolved.link)
    if (resolved.kind === 'batchApproval')
      return await decideApproval(request, resolved, {
        action: `/t/${resolved.link.linkId}`,
        secret: secret ?? '',
        fields,
      })
    // A desa's link takes a file: its form posts multipart to `/t/{linkId}/musdes`.
    if (resolved.kind === 'desaPart') throw new UnsupportedMediaTypeError('multipart/form-data')
    return await decideLinkTask(request, resolved, { secret: secret ?? '', values, fields })
  } catch (error) {
    return linkErrorPage(error)
  }
})
