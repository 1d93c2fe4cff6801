import { listAuditEntries } from '../../data/audit-queries'
import { now } from '../../shared/clock'
import { staffAction } from '../runtime/action'
import { parseQuery } from '../runtime/parse'
import { json } from '../runtime/responses'
import { inCallerScope, resolveAuditQuery } from './resolve-query'
import { auditListQuerySchema } from './schemas'

/** `GET /api/audit`: entries in the caller's scope, chain order for an entity, time order otherwise. */
export const list = staffAction(async (request) => {
  const { limit, cursor, ...query } = parseQuery(request, auditListQuerySchema)
  const { source, filter } = resolveAuditQuery(request.user, 'audit:read', query, now())
  const page = await listAuditEntries({
    source,
    filter,
    limit,
    ...(cursor ? { cursor } : {}),
    keep: inCallerScope(request.user, 'audit:read'),
  })
  return json(200, page)
})
