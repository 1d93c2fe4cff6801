/** `GET /staff/tasks` ("Tugas saya"): the caller's open tasks, read through `GET /api/tasks`. */
import { referenceSchema } from '../../core/case/reference'
import { nowMs } from '../../shared/clock'
import { staffAction } from '../runtime/action'
import { staffTasksPage, type TaskItem } from '../../web/staff-tasks-page'
import { list as listTasks } from '../tasks/list'
import { callApi } from './call-api'
import { staffContext } from './staff-context'

export const staffTasks = staffAction(async (request) => {
  const query = request.event.queryStringParameters ?? {}
  const page = await callApi<{ items: TaskItem[]; nextCursor: string | null }>(listTasks, request, {
    query: { limit: '20', cursor: query.cursor },
  })
  const done = referenceSchema.safeParse(query.done ?? '')
  return staffTasksPage(staffContext(request), {
    ...page,
    nowMs: nowMs(),
    ...(done.success ? { notice: `Keputusan untuk kasus ${done.data} telah dicatat.` } : {}),
  })
})
