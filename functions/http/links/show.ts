/**
 * `GET /t/{linkId}?k=` (DESIGN §4, §5): shows the task; never changes the task or the
 * case (mail scanners prefetch links). A provider's view is audited (`renderLinkTask`).
 */
import { publicAction } from '../runtime/action'
import { assertActionable } from '../../flows/case/decide-task'
import { linkErrorPage } from './link-error-page'
import { requireRecipientSession } from './recipient-session'
import { renderLinkTask } from './render-link-task'
import { resolveLink } from '../../flows/links/resolve-link'

export const show = publicAction(async (request) => {
  const linkId = request.event.pathParameters?.linkId
  const secret = request.event.queryStringParameters?.k
  try {
    const resolved = await resolveLink(linkId, secret)
    await requireRecipientSession(request.event, resolved.link)
    assertActionable(resolved.task, resolved.record)
    return await renderLinkTask(request, resolved, { secret: secret ?? '', values: {}, errors: [] })
  } catch (error) {
    return linkErrorPage(error)
  }
})
