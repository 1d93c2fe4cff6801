/**
 * The KPM registry (DESIGN §2): `KPM#<program>#<kecamatan>` / `<nikRef>`, gsi1 by KK,
 * gsi2 by NIK across kecamatan (moves). Apply writes each changed record with its audit
 * entry in one transaction, conditioned on the record not carrying this batch yet: a
 * chunk re-run after a crash finds its rows applied and changes nothing.
 */
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb'
import type { AuditActor, AuditEntry } from '../core/audit/audit-entry'
import { nextEntry } from '../core/audit/next-entry'
import type { KpmRecord } from '../core/verval/kpm-record'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { appendAudit, auditPutItem, type TransactItem } from './audit-repository'
import { type CursorKey, decodeCursor, encodeCursor } from './cursor'
import {
  auditEntityId,
  kpmByKkEntry,
  kpmByKkPartition,
  kpmByNikEntry,
  kpmByNikPartition,
  kpmKey,
  kpmPartition,
} from './keys'
import { failedConditionAt, namedItems } from './transaction-errors'

const table = () => env.mainTableName()

/** The record plus the head of its audit chain, kept on the item so apply needs no audit read. */
export interface StoredKpm extends KpmRecord {
  auditHead?: { seq: string; hash: string }
}

const INDEX_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'] as const

const kpmOf = (item: Record<string, unknown>): StoredKpm => {
  const rest = { ...item }
  for (const attribute of INDEX_ATTRIBUTES) delete rest[attribute]
  return rest as unknown as StoredKpm
}

const itemOf = (record: StoredKpm) => ({
  ...kpmKey(record.program, record.kecamatan, record.nikRef),
  ...kpmByKkEntry(record.program, record.kkRef, record.kecamatan),
  ...kpmByNikEntry(record.program, record.nikRef, record.kecamatan),
  ...record,
})

const BATCH_GET = 100
const IN_FLIGHT = 8

/** Runs `work` over `items` with a few in flight: DynamoDB Local answers faster to a handful of connections. */
export const inParallel = async <T, R>(
  items: readonly T[],
  work: (item: T) => Promise<R>,
  width = IN_FLIGHT,
): Promise<R[]> => {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker))
  return results
}

/** The records of these NIKs in one kecamatan's registry, by nikRef. */
export const getKpms = async (
  program: string,
  kecamatan: string,
  nikRefs: readonly string[],
): Promise<Map<string, StoredKpm>> => {
  const found = new Map<string, StoredKpm>()
  const groups: string[][] = []
  const unique = [...new Set(nikRefs)]
  for (let start = 0; start < unique.length; start += BATCH_GET)
    groups.push(unique.slice(start, start + BATCH_GET))
  await inParallel(groups, async (group) => {
    let keys: Record<string, unknown>[] | undefined = group.map((nikRef) => ({
      ...kpmKey(program, kecamatan, nikRef),
    }))
    for (let attempt = 0; keys && keys.length > 0; attempt++) {
      if (attempt > 8) throw new Error('BatchGetItem kept keys unprocessed')
      const response: BatchGetCommandOutput = await dynamo().send(
        new BatchGetCommand({ RequestItems: { [table()]: { Keys: keys, ConsistentRead: true } } }),
      )
      const { Responses, UnprocessedKeys } = response
      for (const item of Responses?.[table()] ?? []) {
        const record = kpmOf(item)
        found.set(record.nikRef, record)
      }
      keys = UnprocessedKeys?.[table()]?.Keys
    }
  })
  return found
}

/** Every kecamatan's record of a NIK in the program (at most one active). */
export const kpmsOfNik = async (program: string, nikRef: string): Promise<StoredKpm[]> => {
  const { Items } = await dynamo().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': kpmByNikPartition(program, nikRef) },
    }),
  )
  return (Items ?? []).map(kpmOf)
}

/** The active KPM holding a KK in the program, if any. */
export const activeKpmOfKk = async (program: string, kkRef: string): Promise<StoredKpm | undefined> => {
  const { Items } = await dynamo().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': kpmByKkPartition(program, kkRef) },
    }),
  )
  return (Items ?? []).map(kpmOf).find((record) => record.status === 'ACTIVE')
}

export interface KpmWrite {
  /** The new record. */
  record: StoredKpm
  /** The chain head before this write (the previous record's, here or in the kecamatan moved from). */
  head: { seq: string; hash: string } | undefined
  /** The record left in the kecamatan moved from, if a move. */
  movedAway?: StoredKpm
  action: string
  before: unknown
  after: unknown
}

export interface ApplyContext {
  batchId: string
  actor: AuditActor
  correlationId: string
  at: Date
}

// The record is written only if it does not carry this batch yet: what makes apply idempotent.
const NOT_YET = 'attribute_not_exists(pk) OR lastBatchId <> :batch'

/** The record's put, then the moved-away record's when a move (the order `applyOne` names them in). */
const itemsOf = (write: KpmWrite, context: ApplyContext, entry: AuditEntry | undefined): TransactItem[] => {
  const record: StoredKpm = {
    ...write.record,
    ...(entry ? { auditHead: { seq: entry.seq, hash: entry.hash } } : {}),
  }
  const items: TransactItem[] = [
    {
      Put: {
        TableName: table(),
        Item: itemOf(record),
        ConditionExpression: NOT_YET,
        ExpressionAttributeValues: { ':batch': context.batchId },
      },
    },
  ]
  if (write.movedAway)
    items.push({
      Put: {
        TableName: table(),
        // The old record no longer heads the chain; the new one does.
        Item: itemOf({
          ...write.movedAway,
          ...(entry ? { auditHead: { seq: entry.seq, hash: entry.hash } } : {}),
        }),
        ConditionExpression: NOT_YET,
        ExpressionAttributeValues: { ':batch': context.batchId },
      },
    })
  return items
}

const auditInput = (write: KpmWrite, context: ApplyContext) => ({
  entityId: auditEntityId.kpm(write.record.program, write.record.nikRef),
  area: write.record.kecamatan,
  actor: context.actor,
  action: write.action,
  before: write.before,
  after: write.after,
  correlationId: context.correlationId,
})

const entryFor = (write: KpmWrite, context: ApplyContext): AuditEntry => {
  const input = auditInput(write, context)
  const head =
    write.head && ({ entityId: input.entityId, seq: write.head.seq, hash: write.head.hash } as AuditEntry)
  return nextEntry(head, input, context.at)
}

/** One row on its own, reading the real chain head: the fallback when a group transaction is refused. */
const applyOne = async (write: KpmWrite, context: ApplyContext): Promise<boolean> => {
  const fast = entryFor(write, context)
  const [record, movedAway] = itemsOf(write, context, fast)
  const transaction = namedItems({ record, movedAway, audit: auditPutItem(fast) })
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: transaction.items }))
    return true
  } catch (error) {
    if (transaction.failed(error, 'record') || transaction.failed(error, 'movedAway')) {
      // The record already carries this batch and the chain head was not what failed: applied by an earlier run.
      if (!transaction.failed(error, 'audit')) return false
    } else if (!(error instanceof Error && error.name === 'TransactionCanceledException')) throw error
  }
  // The head on the record was stale: append through the audit repository, which reads the chain.
  try {
    const entry = await appendAudit(auditInput(write, context), {
      alongWith: itemsOf(write, context, undefined),
      at: context.at,
    })
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: table(),
              Key: kpmKey(write.record.program, write.record.kecamatan, write.record.nikRef),
              UpdateExpression: 'SET auditHead = :head',
              ExpressionAttributeValues: { ':head': { seq: entry.seq, hash: entry.hash } },
            },
          },
        ],
      }),
    )
    return true
  } catch (error) {
    if (failedConditionAt(error, 0)) return false
    throw error
  }
}

/** Rows per transaction: two or three items each, under DynamoDB's 100. */
const GROUP_ROWS = 25

/**
 * Writes the changes of a chunk, a group of rows per transaction with a few groups in
 * flight. A group refused as a whole (some row already applied by a crashed run, or a
 * stale chain head) is retried row by row. Returns how many rows this run changed.
 */
export const applyKpmWrites = async (writes: readonly KpmWrite[], context: ApplyContext): Promise<number> => {
  const groups: KpmWrite[][] = []
  for (let start = 0; start < writes.length; start += GROUP_ROWS)
    groups.push(writes.slice(start, start + GROUP_ROWS))
  const counts = await inParallel(
    groups,
    async (group) => {
      const items: TransactItem[] = []
      for (const write of group) {
        const entry = entryFor(write, context)
        items.push(...itemsOf(write, context, entry), auditPutItem(entry))
      }
      try {
        await dynamo().send(new TransactWriteCommand({ TransactItems: items }))
        return group.length
      } catch (error) {
        if (!(error instanceof Error && error.name === 'TransactionCanceledException')) throw error
        let changed = 0
        for (const write of group) if (await applyOne(write, context)) changed++
        return changed
      }
    },
    4,
  )
  return counts.reduce((sum, count) => sum + count, 0)
}

export interface KpmPage {
  items: StoredKpm[]
  nextCursor: string | null
}

/**
 * Where a registry listing stands, as its cursor: the kecamatan being read (`k`) and,
 * within it, the key to go on from (`pk`, `sk`), if any.
 */
const positionOf = (
  program: string,
  kecamatans: readonly string[],
  cursor: string,
): { index: number; startKey?: CursorKey } => {
  const key = decodeCursor(
    cursor,
    [['k'], ['k', 'pk', 'sk']],
    ({ k, pk }) =>
      k !== undefined && kecamatans.includes(k) && (pk === undefined || pk === kpmPartition(program, k)),
  )
  const { k, ...startKey } = key
  return { index: kecamatans.indexOf(k ?? ''), ...(startKey.pk ? { startKey } : {}) }
}

/**
 * The registry of a program over some kecamatan (one, or all of a kabupaten), in
 * kecamatan then nikRef order, paginated by key: each read is one kecamatan's partition
 * in the key condition, never a filter after reading.
 */
export const listKpms = async (query: {
  program: string
  kecamatans: readonly string[]
  limit: number
  cursor?: string
}): Promise<KpmPage> => {
  const items: StoredKpm[] = []
  const from =
    query.cursor === undefined ? { index: 0 } : positionOf(query.program, query.kecamatans, query.cursor)
  let startKey: CursorKey | undefined = from.startKey
  for (let index = from.index; index < query.kecamatans.length; index++) {
    const kecamatan = query.kecamatans[index] as string
    const next = query.kecamatans[index + 1]
    const { Items, LastEvaluatedKey } = await dynamo().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': kpmPartition(query.program, kecamatan) },
        Limit: query.limit - items.length,
        ExclusiveStartKey: startKey,
      }),
    )
    items.push(...(Items ?? []).map(kpmOf))
    startKey = undefined
    if (LastEvaluatedKey)
      return { items, nextCursor: encodeCursor({ k: kecamatan, ...(LastEvaluatedKey as CursorKey) }) }
    if (items.length === query.limit && next) return { items, nextCursor: encodeCursor({ k: next }) }
  }
  return { items, nextCursor: null }
}
