/**
 * Review queries over the audit table (DESIGN §4 `GET /api/audit`): by entity (the
 * table), by actor (`byActor`) or by area over a date range (`byAreaDay`, one partition
 * per kabupaten/kota and UTC day). Never a Scan. Filters that no key covers are
 * FilterExpressions; the caller's scope is a predicate applied to each entry read, so
 * a page can hold fewer than `limit` items and still have a `nextCursor`.
 */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb'
import type { AuditEntry } from '../core/audit/audit-entry'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { type CursorKey, decodeCursor, encodeCursor } from './cursor'
import { entryOf } from './audit-item'
import { auditAreaDayPartition, auditAtSeqBound } from './keys'
import { auditTable, type IndexDefinition } from './table-definitions'

export type AuditSource =
  | { by: 'entity'; entityId: string }
  | { by: 'actor'; actorId: string }
  /** `area` of kabupaten level or below; `from` and `to` are required for this source. */
  | { by: 'area'; area: string }

export interface AuditFilter {
  action?: string
  /** Entries whose area is this code or lies under it. */
  area?: string
  actorId?: string
  /** ISO instant, inclusive. */
  from?: string
  /** ISO instant, exclusive. */
  to?: string
}

export interface AuditListRequest {
  source: AuditSource
  filter: AuditFilter
  limit: number
  cursor?: string
  /** The caller's scope: entries it rejects are read but not returned. */
  keep: (entry: AuditEntry) => boolean
}

export interface AuditPage {
  items: AuditEntry[]
  nextCursor: string | null
}

/**
 * Items read per Query: more than a page, because filters and the scope drop some.
 * A page stops after `MAX_QUERIES_PER_PAGE` Queries even if short (it then still has a
 * cursor), enough to walk the longest area range (366 daily partitions) once, so a
 * sparse filter cannot run a request into its timeout.
 */
const READ_BATCH = 200
const MAX_QUERIES_PER_PAGE = 400
const DAY_MS = 24 * 60 * 60 * 1000

const indexNamed = (name: string): IndexDefinition => {
  const index = auditTable.globalSecondaryIndexes.find((candidate) => candidate.indexName === name)
  if (!index) throw new Error(`audit table has no index ${name}`)
  return index
}
const BY_ACTOR = indexNamed('byActor')
const BY_AREA_DAY = indexNamed('byAreaDay')
const TABLE_KEY = [auditTable.partitionKey.name, auditTable.sortKey.name]

/** One partition to read, with everything but the paging. */
interface PartitionQuery {
  input: Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'>
  /** The attributes of a key to resume after (the index's and the table's). */
  keyAttributes: string[]
  partitionValue: string
}

class Expression {
  readonly names: Record<string, string> = {}
  readonly values: Record<string, string> = {}
  private count = 0
  name(attribute: string): string {
    const known = Object.entries(this.names).find(([, name]) => name === attribute)?.[0]
    if (known) return known
    const placeholder = `#a${Object.keys(this.names).length}`
    this.names[placeholder] = attribute
    return placeholder
  }
  value(value: string): string {
    this.count += 1
    const placeholder = `:v${this.count}`
    this.values[placeholder] = value
    return placeholder
  }
}

/** `sortKey BETWEEN`/`>=`/`<` for a time range on `atSeq` (to exclusive: see `auditAtSeqBound`). */
const atSeqCondition = (
  expression: Expression,
  attribute: string,
  filter: AuditFilter,
): string | undefined => {
  const { from, to } = filter
  if (!from && !to) return undefined
  const name = expression.name(attribute)
  if (from && to)
    return `${name} BETWEEN ${expression.value(auditAtSeqBound(from))} AND ${expression.value(auditAtSeqBound(to))}`
  if (from) return `${name} >= ${expression.value(auditAtSeqBound(from))}`
  if (to) return `${name} < ${expression.value(auditAtSeqBound(to))}`
  return undefined
}

const filterClauses = (expression: Expression, source: AuditSource, filter: AuditFilter): string[] => {
  const clauses: string[] = []
  if (filter.action) clauses.push(`${expression.name('action')} = ${expression.value(filter.action)}`)
  if (filter.area) {
    const area = expression.name('area')
    clauses.push(
      `(${area} = ${expression.value(filter.area)} OR begins_with(${area}, ${expression.value(`${filter.area}.`)}))`,
    )
  }
  if (filter.actorId && source.by !== 'actor')
    clauses.push(`${expression.name(BY_ACTOR.partitionKey.name)} = ${expression.value(filter.actorId)}`)
  // The table's sort key is the seq, so on a chain the time range is a filter.
  if (source.by === 'entity') {
    if (filter.from) clauses.push(`${expression.name('at')} >= ${expression.value(filter.from)}`)
    if (filter.to) clauses.push(`${expression.name('at')} < ${expression.value(filter.to)}`)
  }
  return clauses
}

const partitionQuery = (
  source: AuditSource,
  filter: AuditFilter,
  index: IndexDefinition | undefined,
  partitionValue: string,
): PartitionQuery => {
  const expression = new Expression()
  const partitionName = index?.partitionKey.name ?? auditTable.partitionKey.name
  const keyClauses = [`${expression.name(partitionName)} = ${expression.value(partitionValue)}`]
  const range = index ? atSeqCondition(expression, index.sortKey.name, filter) : undefined
  if (range) keyClauses.push(range)
  const clauses = filterClauses(expression, source, filter)
  return {
    partitionValue,
    keyAttributes: index ? [index.partitionKey.name, index.sortKey.name, ...TABLE_KEY] : TABLE_KEY,
    input: {
      TableName: env.auditTableName(),
      ...(index ? { IndexName: index.indexName } : {}),
      KeyConditionExpression: keyClauses.join(' AND '),
      ...(clauses.length > 0 ? { FilterExpression: clauses.join(' AND ') } : {}),
      ExpressionAttributeNames: expression.names,
      ExpressionAttributeValues: expression.values,
    },
  }
}

/** The UTC days an instant range touches, oldest first. */
export const utcDaysBetween = (from: string, toExclusive: string): string[] => {
  const days: string[] = []
  const last = new Date(toExclusive).getTime() - 1
  for (let day = Date.parse(from.slice(0, 10)); day <= last; day += DAY_MS)
    days.push(new Date(day).toISOString().slice(0, 10))
  return days
}

const partitionsOf = (source: AuditSource, filter: AuditFilter): PartitionQuery[] => {
  switch (source.by) {
    case 'entity':
      return [partitionQuery(source, filter, undefined, source.entityId)]
    case 'actor':
      return [partitionQuery(source, filter, BY_ACTOR, source.actorId)]
    case 'area': {
      if (!filter.from || !filter.to) throw new RangeError('an area listing needs a from and a to')
      return utcDaysBetween(filter.from, filter.to).map((day) =>
        partitionQuery(source, filter, BY_AREA_DAY, auditAreaDayPartition(source.area, day)),
      )
    }
  }
}

const pick = (item: Record<string, unknown>, attributes: readonly string[]): CursorKey =>
  Object.fromEntries(attributes.map((name) => [name, String(item[name])]))

const partitionAttribute = (partition: PartitionQuery): string => partition.keyAttributes[0] ?? ''

/**
 * A cursor is either the key of the last entry returned (resume after it), or only a
 * partition value: "start of that partition" (a page that ended where a day did).
 */
const resumePoint = (partitions: PartitionQuery[], cursor: string | undefined) => {
  const first = partitions[0]
  if (!cursor || !first) return { index: 0, startKey: undefined }
  const name = partitionAttribute(first)
  const key = decodeCursor(cursor, [first.keyAttributes, [name]], (candidate) =>
    partitions.some((partition) => partition.partitionValue === candidate[name]),
  )
  const index = partitions.findIndex((partition) => partition.partitionValue === key[name])
  return { index, startKey: Object.keys(key).length > 1 ? key : undefined }
}

const partitionStart = (partition: PartitionQuery | undefined): string | null =>
  partition ? encodeCursor({ [partitionAttribute(partition)]: partition.partitionValue }) : null

export const listAuditEntries = async (request: AuditListRequest): Promise<AuditPage> => {
  const partitions = partitionsOf(request.source, request.filter)
  let { index, startKey } = resumePoint(partitions, request.cursor)
  const items: AuditEntry[] = []
  for (let queries = 0; ; queries += 1) {
    const partition = partitions[index]
    if (!partition) return { items, nextCursor: null }
    if (queries === MAX_QUERIES_PER_PAGE)
      return { items, nextCursor: startKey ? encodeCursor(startKey) : partitionStart(partition) }
    const page = await dynamo().send(
      new QueryCommand({ ...partition.input, Limit: READ_BATCH, ExclusiveStartKey: startKey }),
    )
    const read = page.Items ?? []
    for (const [position, item] of read.entries()) {
      const entry = entryOf(item)
      if (!request.keep(entry)) continue
      items.push(entry)
      if (items.length < request.limit) continue
      const moreInPartition = position < read.length - 1 || page.LastEvaluatedKey !== undefined
      return {
        items,
        nextCursor: moreInPartition
          ? encodeCursor(pick(item, partition.keyAttributes))
          : partitionStart(partitions[index + 1]),
      }
    }
    startKey = page.LastEvaluatedKey as CursorKey | undefined
    if (!startKey) index += 1
  }
}
