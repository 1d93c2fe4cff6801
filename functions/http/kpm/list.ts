/**
 * `GET /api/kpm?area=&program=&limit=&cursor=` (DESIGN §4): one kecamatan's registry of
 * a program, paginated by key (the partition `KPM#<program>#<kecamatan>`), each record
 * with its history (which batch changed what). NIK and KK masked.
 */
import { areaLevel } from '../../core/areas/area-code'
import { can } from '../../core/authorization/can'
import { kpmView } from '../../core/verval/kpm-record'
import { listKpms } from '../../data/kpm-repository'
import { BadRequestError, ForbiddenError } from '../../shared/errors'
import { staffAction } from '../../shared/http/action'
import { parseQuery } from '../../shared/http/parse'
import { json } from '../../shared/http/responses'
import { decodeCursor, encodeCursor } from '../cases/cursor'
import { kpmListQuerySchema } from './schemas'

export const list = staffAction(async (request) => {
  const query = parseQuery(request, kpmListQuerySchema)
  const { user } = request
  const area = query.area ?? (areaLevel(user.area) === 'district' ? user.area : undefined)
  if (!area || areaLevel(area) !== 'district')
    throw new BadRequestError('Sebutkan kecamatan (contoh: 32.01.14).', [
      { path: 'area', message: 'Wajib berupa kode kecamatan.' },
    ])
  if (!can(user, 'kpm:read', { area })) throw new ForbiddenError()
  const startKey = decodeCursor(query.cursor)
  const page = await listKpms({
    program: query.program,
    kecamatan: area,
    limit: query.limit,
    ...(startKey ? { startKey } : {}),
  })
  return json(200, {
    items: page.items.map(({ auditHead: _head, ...record }) => kpmView(record)),
    nextCursor: encodeCursor(page.lastKey),
  })
})
