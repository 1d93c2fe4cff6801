/** `GET/POST /api/kegiatan` (issue 16 item 4): the TKSK's activity log, a month at a time. */
import { ulid } from 'ulid'
import { activityView } from '../../core/activities/activity-record'
import { listActivities as list } from '../../flows/activities/list-activities'
import { logActivity as log } from '../../flows/activities/log-activity'
import { staffAction } from '../runtime/action'
import { parseQuery, readJsonBody } from '../runtime/parse'
import { json } from '../runtime/responses'
import { activityListQuerySchema } from './schemas'
import { listArea, registerActor } from './scope'

export const listActivities = staffAction(async (request) => {
  registerActor(request, 'activity:read')
  const query = parseQuery(request, activityListQuerySchema)
  const items = await list(listArea(request.user, 'activity:read', query.area), query.month)
  return json(200, { items: items.map(activityView) })
})

export const logActivity = staffAction(async (request) => {
  const by = registerActor(request, 'activity:write')
  const { record, created } = await log(readJsonBody(request), ulid(by.now.getTime()), by)
  return json(created ? 201 : 200, activityView(record), {
    location: `/api/kegiatan/${record.activityId}`,
  })
})
