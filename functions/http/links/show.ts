/** `GET /t/{linkId}?k=` (DESIGN §4, §5): shows the task; never changes anything (mail scanners prefetch links). */
import { publicAction } from '../../shared/http/action'
import { assertActionable } from '../../case-flow/decide-task'
import { taskPage } from '../../web/task-page'
import { formContext } from './form-context'
import { linkErrorPage } from './link-error-page'
import { resolveLink } from './resolve-link'

export const show = publicAction(async (request) => {
  const linkId = request.event.pathParameters?.linkId
  const secret = request.event.queryStringParameters?.k
  try {
    const { task, record } = await resolveLink(linkId, secret)
    assertActionable(task, record)
    return taskPage(record, task, {
      action: `/t/${linkId}`,
      secret: secret ?? '',
      context: await formContext(task, record, {}, []),
    })
  } catch (error) {
    return linkErrorPage(error)
  }
})
