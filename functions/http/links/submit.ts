/**
 * `POST /t/{linkId}` (DESIGN §4): the link holder decides, once. Invalid fields re-render
 * the form with the errors next to the fields and the values kept (400).
 */
import { decideTask } from '../../flows/case/decide-task'
import { isAppError, UnsupportedMediaTypeError } from '../../shared/errors'
import { publicAction } from '../runtime/action'
import { thanksPage } from '../../web/task-page'
import { requestActor } from '../cases/resident-actor'
import { linkErrorPage } from './link-error-page'
import { requireRecipientSession } from './recipient-session'
import { renderLinkTask } from './render-link-task'
import { resolveLink } from '../../flows/links/resolve-link'

const formFields = (body: string): Record<string, string> => {
  const fields: Record<string, string> = {}
  for (const [key, value] of new URLSearchParams(body)) fields[key] = value
  return fields
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
    const { link, task } = resolved
    const actor = requestActor(request.event, link.recipient.id, 'provider')
    try {
      const decided = await decideTask({
        task,
        decider: {
          ...link.recipient,
          ...(actor.ip ? { ip: actor.ip } : {}),
          ...(actor.userAgent ? { userAgent: actor.userAgent } : {}),
        },
        fields,
        correlationId: request.correlationId,
      })
      return thanksPage(decided)
    } catch (error) {
      if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') throw error
      return await renderLinkTask(
        request,
        resolved,
        { secret: secret ?? '', values, errors: error.details },
        400,
      )
    }
  } catch (error) {
    return linkErrorPage(error)
  }
})
