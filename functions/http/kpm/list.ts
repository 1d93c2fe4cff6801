/**
 * `GET /api/kpm?area=&program=&limit=&cursor=` (DESIGN §4): the registry of a program
 * in one kecamatan, or in every kecamatan of a kabupaten/kota (for Dinsos and auditors),
 * paginated by an opaque cursor (data/cursor.ts: the kecamatan being read and the key within it), each
 * record with its history (which batch changed what). NIK and KK masked.
 */
import { areaLevel } from '../../core/areas/area-code'
import { can } from '../../core/authorization/can'
import { kpmView } from '../../core/verval/kpm-record'
import { loadAreaIndex } from '../../data/area-source'
import { listKpms } from '../../data/kpm-repository'
import { BadRequestError, ForbiddenError } from '../../shared/errors'
import { staffAction } from '../runtime/action'
import { parseQuery } from '../runtime/parse'
import { json } from '../runtime/responses'
import { kpmListQuerySchema } from './schemas'

const LISTABLE = ['regency', 'district'] as const

const areaProblem = () =>
  new BadRequestError('Sebutkan kabupaten/kota atau kecamatan (contoh: 32.01 atau 32.01.14).', [
    { path: 'area', message: 'Wajib berupa kode kabupaten/kota atau kecamatan.' },
  ])

/** The kecamatan of a kabupaten in code order, or the kecamatan itself. */
const kecamatansOf = (area: string): string[] =>
  areaLevel(area) === 'district'
    ? [area]
    : loadAreaIndex()
        .children(area)
        .map((row) => row.code)
        .filter((code) => areaLevel(code) === 'district')
        .sort()

export const list = staffAction(async (request) => {
  const query = parseQuery(request, kpmListQuerySchema)
  const { user } = request
  const own = (LISTABLE as readonly string[]).includes(areaLevel(user.area) ?? '') ? user.area : undefined
  const area = query.area ?? own
  if (!area || !(LISTABLE as readonly string[]).includes(areaLevel(area) ?? '')) throw areaProblem()
  if (!can(user, 'kpm:read', { area })) throw new ForbiddenError()
  const kecamatans = kecamatansOf(area)
  const page = await listKpms({
    program: query.program,
    kecamatans,
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  })
  return json(200, {
    items: page.items.map(({ auditHead: _head, ...record }) => kpmView(record)),
    nextCursor: page.nextCursor,
  })
})
