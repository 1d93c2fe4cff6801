/**
 * The hourly anchor job (DESIGN §5): seals the heads of the chains that changed since
 * the last anchor into the next anchor record.
 *
 * "Changed since the last anchor" comes from the `byDay` index: one Query per UTC day
 * of the window, `atSeq` bounded by the window. We chose that over a marker item per
 * changed entity written in every caller's transaction: writers stay one Put, and the
 * index is derived from the entry itself so it cannot be forgotten. The index is
 * eventually consistent, so each search reaches back `INDEX_LAG_MS` before the window;
 * heads found again unchanged are not sealed twice (`buildAnchor`).
 */
import { type AnchorRecord, buildAnchor, headsOf, hourFloor } from '../core/audit/anchor'
import type { AuditEntry } from '../core/audit/audit-entry'
import type { AnchoredHead } from '../core/audit/verify-chain'
import { env } from '../shared/env'
import { queryAll } from './paginate'
import type { AnchorStore } from './audit-anchor-port'
import { utcDaysBetween } from './audit-queries'
import { auditAtSeqBound, auditDayPartition } from './keys'
import { auditTable } from './table-definitions'

const HOUR_MS = 60 * 60 * 1000
export const INDEX_LAG_MS = HOUR_MS
/** With no anchor yet, how far back the first one looks. */
export const FIRST_WINDOW_MS = 24 * HOUR_MS

const BY_DAY = auditTable.globalSecondaryIndexes.find((index) => index.indexName === 'byDay')

type HeadFields = Pick<AuditEntry, 'entityId' | 'seq' | 'hash' | 'area'>

/** The newest head of every chain with an entry at a time in [from, through). */
export const changedHeadsBetween = async (from: Date, through: Date): Promise<AnchoredHead[]> => {
  if (!BY_DAY) throw new Error('audit table has no byDay index')
  const found: HeadFields[] = []
  for (const day of utcDaysBetween(from.toISOString(), through.toISOString())) {
    const items = await queryAll({
      TableName: env.auditTableName(),
      IndexName: BY_DAY.indexName,
      KeyConditionExpression: '#day = :day AND #atSeq BETWEEN :from AND :through',
      ProjectionExpression: '#entity, #seq, #hash, #area',
      ExpressionAttributeNames: {
        '#day': BY_DAY.partitionKey.name,
        '#atSeq': BY_DAY.sortKey.name,
        '#entity': auditTable.partitionKey.name,
        '#seq': auditTable.sortKey.name,
        '#hash': 'hash',
        '#area': 'area',
      },
      ExpressionAttributeValues: {
        ':day': auditDayPartition(day),
        ':from': auditAtSeqBound(from.toISOString()),
        ':through': auditAtSeqBound(through.toISOString()),
      },
    })
    found.push(...(items as HeadFields[]))
  }
  return headsOf(found)
}

/**
 * Anchors everything up to the last whole hour before `at`; nothing when that hour is
 * anchored already. A clock that jumped many hours gets one record for the whole gap:
 * the record names its window, and one seal per hour would add files, not evidence.
 */
export const anchorChangedChains = async (
  store: AnchorStore,
  at: Date,
): Promise<AnchorRecord | undefined> => {
  const through = hourFloor(at)
  const previous = await store.latest()
  if (previous && Date.parse(previous.through) >= through.getTime()) return undefined
  const from = previous ? new Date(previous.through) : new Date(through.getTime() - FIRST_WINDOW_MS)
  const changed = await changedHeadsBetween(new Date(from.getTime() - INDEX_LAG_MS), through)
  const record = buildAnchor(previous, changed, { from, through }, at)
  await store.append(record)
  return record
}
