/**
 * `GET /staff/tasks` ("Tugas saya"): the caller's open tasks, read through
 * `GET /api/tasks`, each with its case's desa (one BatchGetItem for the page) so the
 * TKSK's visits read as an agenda of places.
 */
import { referenceSchema } from '../../core/case/reference'
import { villagesOfCases } from '../../data/report-queries'
import { nowMs } from '../../shared/clock'
import { staffAction } from '../runtime/action'
import { staffTasksPage, type TaskItem } from '../../web/staff-tasks-page'
import { list as listTasks } from '../tasks/list'
import { callApi } from '../runtime/call-api'
import { placeName, staffContext } from '../runtime/staff-context'

export const staffTasks = staffAction(async (request) => {
  const query = request.event.queryStringParameters ?? {}
  const page = await callApi<{ items: TaskItem[]; nextCursor: string | null }>(listTasks, request, {
    query: { limit: '20', cursor: query.cursor },
  })
  const villages = await villagesOfCases(page.items.map((task) => task.caseId))
  const done = referenceSchema.safeParse(query.done ?? '')
  return staffTasksPage(staffContext(request), {
    ...page,
    items: page.items.map((task) => {
      const villageCode = villages.get(task.caseId)
      return villageCode ? { ...task, villageCode } : task
    }),
    nowMs: nowMs(),
    placeName,
    ...(done.success ? { notice: `Keputusan untuk kasus ${done.data} telah dicatat.` } : {}),
  })
})
