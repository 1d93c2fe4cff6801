/**
 * `GET/PUT /api/admin/pengesahan/{kabupaten}` `{day}` (issue 21.5, ADR 0035): the
 * kabupaten/kota's monthly pengesahan day, kept as data by its admin like the calendar;
 * setting it (25 included) starts the daily reminders. Audited PENGESAHAN_DAY_SET.
 */
import * as z from 'zod'
import { areaLevel } from '../../core/areas/area-code'
import { can } from '../../core/authorization/can'
import { pengesahanDaySchema } from '../../core/verval/pengesahan'
import { actorOf } from '../../flows/admin/create-staff'
import { pengesahanDayOf, setPengesahanDay } from '../../flows/verval/pengesahan'
import { now } from '../../shared/clock'
import { ForbiddenError } from '../../shared/errors'
import { staffAction } from '../runtime/action'
import { parseJsonBody, parseWith } from '../runtime/parse'
import { json } from '../runtime/responses'

const kabupatenSchema = z.string().refine((area) => areaLevel(area) === 'regency', {
  message: 'Kode kabupaten/kota, mis. 32.01.',
})

const kabupatenOfPath = (request: { event: { pathParameters?: Record<string, string | undefined> } }) =>
  parseWith(kabupatenSchema, request.event.pathParameters?.kabupaten)

export const getPengesahanDay = staffAction(async (request) => {
  const kabupaten = kabupatenOfPath(request)
  if (!can(request.user, 'pengesahan:manage', { area: kabupaten })) throw new ForbiddenError()
  return json(200, await pengesahanDayOf(kabupaten))
})

export const putPengesahanDay = staffAction(async (request) => {
  const kabupaten = kabupatenOfPath(request)
  if (!can(request.user, 'pengesahan:manage', { area: kabupaten })) throw new ForbiddenError()
  const { day } = parseJsonBody(request, pengesahanDaySchema)
  return json(
    200,
    await setPengesahanDay(kabupaten, day, actorOf(request.user), request.correlationId, now()),
  )
})
