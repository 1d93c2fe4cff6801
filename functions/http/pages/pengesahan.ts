/** `/staff/pengesahan` (issue 21.5, ADR 0035): the page over `GET /api/pengesahan`. */
import { kabupatenOf } from '../../core/areas/area-code'
import type { KabupatenDeadline } from '../../core/verval/pengesahan'
import { pengesahanPage } from '../../web/pengesahan-page'
import { staffAction } from '../runtime/action'
import { callApi } from '../runtime/call-api'
import { areaName, staffContext } from '../runtime/staff-context'
import { showPengesahan } from '../verval/pengesahan'

export const staffPengesahan = staffAction(async (request) => {
  const asked = request.event.queryStringParameters?.area
  const area = asked ?? kabupatenOf(request.user.area) ?? request.user.area
  const state = await callApi<KabupatenDeadline>(showPengesahan, request, { query: { area } })
  return pengesahanPage(staffContext(request), state, areaName)
})
