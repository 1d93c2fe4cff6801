import { loadAreaIndex } from '../../data/area-source'
import { NotFoundError } from '../../shared/errors'
import { publicAction } from '../runtime/action'
import { parseQuery } from '../runtime/parse'
import { json } from '../runtime/responses'
import { areasQuerySchema } from './schemas'

/** Reference data changes once a year at most: let browsers and the CDN keep it for a day. */
const CACHE = { 'cache-control': 'public, max-age=86400' }

export const areas = publicAction(async (request) => {
  const { parent } = parseQuery(request, areasQuerySchema)
  const index = loadAreaIndex()
  if (parent !== undefined && !index.get(parent)) throw new NotFoundError(`Wilayah ${parent} tidak dikenal.`)
  const rows = parent === undefined ? index.provinces() : index.children(parent)
  return json(200, { items: rows.map(({ code, name }) => ({ code, name })) }, CACHE)
})
