/**
 * The pengesahan deadline over HTTP (issue 21.5, ADR 0035): `GET /api/pengesahan?area=`
 * each kecamatan's state against the period's day (Dinsos and reviewers of the
 * kabupaten); the page `/staff/pengesahan` over it runs in the pages function.
 */
import * as z from 'zod'
import { areaLevel } from '../../core/areas/area-code'
import { can } from '../../core/authorization/can'
import { kabupatenDeadline } from '../../flows/verval/pengesahan'
import { now } from '../../shared/clock'
import { ForbiddenError } from '../../shared/errors'
import { staffAction } from '../runtime/action'
import { parseQuery } from '../runtime/parse'
import { json } from '../runtime/responses'

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
