/**
 * The pengesahan deadline over HTTP (issue 21.5, ADR 0035): `GET /api/pengesahan?area=`
 * each kecamatan's state against the period's day (Dinsos and reviewers of the
 * kabupaten), and the page `/staff/pengesahan` over it.
 */
import * as z from 'zod'
import { areaLevel, kabupatenOf } from '../../core/areas/area-code'
import { can } from '../../core/authorization/can'
import { type KabupatenDeadline, kabupatenDeadline } from '../../flows/verval/pengesahan'
import { now } from '../../shared/clock'
import { ForbiddenError } from '../../shared/errors'
import { pengesahanPage } from '../../web/pengesahan-page'
import { staffAction } from '../runtime/action'
import { callApi } from '../runtime/call-api'
import { parseQuery } from '../runtime/parse'
import { json } from '../runtime/responses'
import { areaName, staffContext } from '../runtime/staff-context'

export const pengesahanQuerySchema = z
  .object({
    area: z
      .string()
      .trim()
      .refine((area) => areaLevel(area) === 'regency', { message: 'Pilih kabupaten/kota.' }),
  })
  .strict()

export const showPengesahan = staffAction(async (request) => {
  const { area } = parseQuery(request, pengesahanQuerySchema)
  if (!can(request.user, 'report:dashboard', { area })) throw new ForbiddenError()
  return json(200, await kabupatenDeadline(area, now()))
})

export const staffPengesahan = staffAction(async (request) => {
  const asked = request.event.queryStringParameters?.area
  const area = asked ?? kabupatenOf(request.user.area) ?? request.user.area
  const state = await callApi<KabupatenDeadline>(showPengesahan, request, { query: { area } })
  return pengesahanPage(staffContext(request), state, areaName)
})
