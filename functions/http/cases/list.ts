/**
 * `GET /api/cases` (DESIGN §4): cases in the caller's scope through gsi1 (kabupaten
 * partition, kecamatan prefix), never a Scan. National users name a kabupaten.
 */
import { ALL_AREAS, kabupatenOf, kecamatanOf } from '../../core/areas/area-code'
import { can } from '../../core/authorization/can'
import { type CaseRecord, caseSummary } from '../../core/case/case-record'
import { listCases } from '../../data/case-list'
import { BadRequestError, ForbiddenError } from '../../shared/errors'
import { staffAction } from '../runtime/action'
import { parseQuery } from '../runtime/parse'
import { json } from '../runtime/responses'
import { listQuerySchema } from './schemas'
import { type CaseKind, caseKindOf } from '../../core/case/case-kind'

/** The complaints' `kind` (ADR 0036) where the case has one; without it, a service request. */
const kindOf = (record: CaseRecord & { kind?: CaseKind }): CaseKind => caseKindOf(record)

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
    ...(query.kind ? { kind: query.kind } : {}),
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  })
  return json(200, {
    items: page.items.map((record) => ({ ...caseSummary(record), kind: kindOf(record) })),
    nextCursor: page.nextCursor,
  })
})
