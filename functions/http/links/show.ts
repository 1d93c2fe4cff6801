/**
 * `GET /t/{linkId}?k=` (DESIGN §4, §5): shows what the link decides, by its kind (a case
 * task, a verval batch's approval, a desa's musdes upload form); never changes anything (mail scanners prefetch
 * links). A provider's view of a task is audited (`renderLinkTask`).
 */
import { publicAction } from '../runtime/action'
import { assertActionable } from '../../flows/case/decide-task'
import { approvalPage } from './approval-page'
import { linkErrorPage } from './link-error-page'
import { requireRecipientSession } from './recipient-session'
import { renderLinkTask } from './render-link-task'
import { resolveLink } from '../../flows/links/resolve-link'
import { desaPartUploadPage } from '../../web/desa-part-upload-page'
import { areaName } from '../runtime/staff-context'
import { musdesAction } from './submit-musdes'

export const show = publicAction(async (request) => {
  const linkId = request.event.pathParameters?.linkId
  const secret = request.event.queryStringParameters?.k
  try {
    const resolved = await resolveLink(linkId, secret)
    await requireRecipientSession(request.event, resolved.link)
    if (resolved.kind === 'batchApproval')
      return approvalPage(resolved.batch, { action: `/t/${resolved.link.linkId}`, secret: secret ?? '' })
    if (resolved.kind === 'desaPart')
      return desaPartUploadPage(
        resolved.part,
        { action: musdesAction(resolved.link), secret: secret ?? '', state: { values: {}, errors: [] } },
        areaName,
      )
    assertActionable(resolved.task, resolved.record)
    return await renderLinkTask(request, resolved, { secret: secret ?? '', values: {}, errors: [] })
  } catch (error) {
    return linkErrorPage(error)
  }
})
