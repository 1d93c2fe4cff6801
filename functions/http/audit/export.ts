import { auditCsv, auditExportFileName } from '../../core/audit/audit-csv'
import { type AuditEntry } from '../../core/audit/audit-entry'
import { listAuditEntries } from '../../data/audit-queries'
import { actorNamer } from '../../flows/audit/actor-names'
import { appendAudit } from '../../data/audit-repository'
import { auditEntityId } from '../../data/keys'
import { now } from '../../shared/clock'
import { BadRequestError } from '../../shared/errors'
import { staffAction } from '../runtime/action'
import { placeName } from '../runtime/staff-context'
import { parseJsonBody } from '../runtime/parse'
import { inCallerScope, resolveAuditQuery } from './resolve-query'
import { auditExportBodySchema } from './schemas'

/** One response of a Lambda holds about 6 MB; 10,000 rows stay well under it. */
export const MAX_EXPORT_ROWS = 10_000
const PAGE = 100

/**
 * `POST /api/audit/export` with the filter as JSON: the entries as CSV. The export is
 * itself an audited act (`AUDIT_EXPORT` on the exporter's own chain, with the filter),
 * written before the file is handed out: no export without its entry. A POST (with the
 * CSRF token under a cookie session) so a link cannot export in someone else's name.
 */
export const exportCsv = staffAction(async (request) => {
  const query = parseJsonBody(request, auditExportBodySchema)
  const at = now()
  const { source, filter } = resolveAuditQuery(request.user, 'audit:export', query, at)
  const entries: AuditEntry[] = []
  let cursor: string | null = null
  do {
    const page = await listAuditEntries({
      source,
      filter,
      limit: PAGE,
      ...(cursor ? { cursor } : {}),
      keep: inCallerScope(request.user, 'audit:export'),
    })
    entries.push(...page.items)
    cursor = page.nextCursor
    if (entries.length > MAX_EXPORT_ROWS)
      throw new BadRequestError(`Lebih dari ${MAX_EXPORT_ROWS} entri; persempit filter atau rentang waktu.`)
  } while (cursor)

  const { user } = request
  await appendAudit(
    {
      entityId: auditEntityId.user(user.id),
      area: user.area,
      actor: { id: user.id, role: user.role },
      action: 'AUDIT_EXPORT',
      before: null,
      after: { filter: query, rows: entries.length },
      correlationId: request.correlationId,
    },
    { at },
  )
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${auditExportFileName(at, user.area)}"`,
      'cache-control': 'no-store',
    },
    body: auditCsv(entries, {
      place: placeName,
      actor: await actorNamer(entries.map((entry) => entry.actor)),
    }),
  }
})

/** The retired `GET /api/audit/export?…` (ADR 0011): says how to export now; exports nothing. */
export const exportByGet = staffAction(async () => {
  throw new BadRequestError('Ekspor audit sekarang lewat POST /api/audit/export dengan filter sebagai JSON.')
})
