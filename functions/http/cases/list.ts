/**
 * `GET /api/cases` (DESIGN §4): cases in the caller's scope through gsi1 (kabupaten
 * partition, kecamatan prefix), never a Scan. National users name a kabupaten.
 */
import { ALL_AREAS, kabupatenOf, kecamatanOf } from '../../core/areas/area-code'
import { can } from '../../core/authorization/can'
import { caseSummary } from '../../core/case/case-record'
import { listCases } from '../../data/case-repository'
import { BadRequestError, ForbiddenError } from '../../shared/errors'
import { staffAction } from '../runtime/action'
import { parseQuery } from '../runtime/parse'
import { json } from '../runtime/responses'
import { listQuerySchema } from './schemas'

export const list = staffAction(async (request) => {
  const query = parseQuery(request, listQuerySchema)
  const { user } = request
  const area = query.area ?? (user.area === ALL_AREAS ? undefined : user.area)
  const kabupaten = area && kabupatenOf(area)
  if (!area || !kabupaten)
    throw new BadRequestError('Sebutkan wilayah minimal tingkat kabupaten/kota.', [
      { path: 'area', message: 'Wajib untuk pengguna tingkat nasional.' },
    ])
  if (!can(user, 'case:list', { area })) throw new ForbiddenError()
  const kecamatan = kecamatanOf(area)
  const page = await listCases({
    kabupaten,
    ...(kecamatan ? { kecamatan } : {}),
    ...(query.status ? { status: query.status } : {}),
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  })
  return json(200, { items: page.items.map(caseSummary), nextCursor: page.nextCursor })
})
