/**
 * The directory of one kabupaten/kota for its admins (DESIGN §4 `GET /api/admin/providers`),
 * by name, a page at a time. A kabupaten holds tens to a few hundred providers (one per
 * desa at most for SKTM), so it is read whole and paged here; the cursor is the last id.
 */
import type { ServiceCode } from '../../core/catalog/services'
import type { ProviderRecord } from '../../core/providers/provider-record'
import { providersOf } from '../../data/provider-repository'
import { BadRequestError } from '../../shared/errors'

export interface ProviderListQuery {
  kabupaten: string
  service?: ServiceCode
  active?: boolean
  limit: number
  cursor?: string
}

const encode = (providerId: string): string => Buffer.from(providerId, 'utf8').toString('base64url')
const decode = (cursor: string): string => Buffer.from(cursor, 'base64url').toString('utf8')

const byName = (a: ProviderRecord, b: ProviderRecord) =>
  a.name.localeCompare(b.name, 'id') || a.providerId.localeCompare(b.providerId)

export const listProviders = async (
  query: ProviderListQuery,
): Promise<{ items: ProviderRecord[]; nextCursor: string | null }> => {
  const all = (await providersOf(query.kabupaten))
    .filter((p) => query.service === undefined || p.services.includes(query.service))
    .filter((p) => query.active === undefined || p.active === query.active)
    .sort(byName)
  let start = 0
  if (query.cursor) {
    const after = all.findIndex((p) => p.providerId === decode(query.cursor ?? ''))
    if (after < 0)
      throw new BadRequestError('Cursor tidak sah.', [{ path: 'cursor', message: 'Cursor tidak sah.' }])
    start = after + 1
  }
  const items = all.slice(start, start + query.limit)
  const last = items.at(-1)
  return { items, nextCursor: last && start + query.limit < all.length ? encode(last.providerId) : null }
}
