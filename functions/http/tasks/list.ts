/** `GET /api/tasks`: the caller's open tasks, soonest due first (gsi2 by assignee). */
import { roleMay } from '../../core/authorization/can'
import { listAssignments } from '../../data/task-assignments'
import { ForbiddenError } from '../../shared/errors'
import { staffAction } from '../runtime/action'
import { parseQuery } from '../runtime/parse'
import { json } from '../runtime/responses'
import { taskListQuerySchema } from './schemas'

export const list = staffAction(async (request) => {
  const query = parseQuery(request, taskListQuerySchema)
  if (!roleMay(request.user.role, 'task:list')) throw new ForbiddenError()
  const page = await listAssignments({
    assigneeId: request.user.id,
    status: 'OPEN',
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  })
  return json(200, { items: page.items, nextCursor: page.nextCursor })
})
