/**
 * The KPM registry (DESIGN §2): `KPM#<program>#<kecamatan>` / `<nikRef>`, with two
 * lookup items (ADR 0019): where a NIK is active in the program, and which active KPM
 * holds a KK. Apply writes each changed record with its lookups and audit entry in one
 * transaction, conditioned on the record not carrying this batch yet: a chunk re-run
 * after a crash finds its rows applied and changes nothing. Every registry fact
 * validation needs is then a BatchGetItem, never a Query per row.
 */
import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditActor, AuditEntry } from '../core/audit/audit-entry'
import { nextEntry } from '../core/audit/next-entry'
import type { KpmRecord } from '../core/verval/kpm-record'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { itemCodec } from './item-codec'
import { appendAudit, auditPutItem, type TransactItem } from './audit-repository'
import { type CursorKey, decodeCursor, encodeCursor } from './cursor'
import { getAll, inParallel } from './batch-get'
import { auditEntityId, kpmKey, kpmKkLookupKey, kpmNikLookupKey, kpmPartition } from './keys'
import { TRANSACTION_ITEMS } from './transaction-limits'
import { failedConditionAt, namedItems } from './transaction-errors'

const table = () => env.mainTableName()

/** The record plus the head of its audit chain, kept on the item so apply needs no audit read. */
export interface StoredKpm extends KpmRecord {
  auditHead?: { seq: string; hash: string }
}

const kpmOf = itemCodec<StoredKpm>()

const itemOf = (record: StoredKpm) => ({
  ...kpmKey(record.program, record.kecamatan, record.nikRef),
  ...record,
})

const byNikRef = (items: readonly Record<string, unknown>[]): Map<string, StoredKpm> =>
  new Map(items.map(kpmOf).map((record) => [record.nikRef, record]))

/** The records of these NIKs in one kecamatan's registry, by nikRef. */
export const getKpms = async (
  program: string,
  kecamatan: string,
  nikRefs: readonly string[],
): Promise<Map<string, StoredKpm>> =>
  byNikRef(
    await getAll(
      table(),
      nikRefs.map((nikRef) => kpmKey(program, kecamatan, nikRef)),
    ),
  )

/** The records of NIKs each in its own kecamatan (where the lookups said they are active), by nikRef. */
export const getKpmsAt = async (
  program: string,
  places: readonly { nikRef: string; kecamatan: string }[],
): Promise<Map<string, StoredKpm>> =>
  byNikRef(
    await getAll(
      table(),
      places.map((place) => kpmKey(program, place.kecamatan, place.nikRef)),
    ),
  )

/** What the lookup items say: the kecamatan each NIK is active in, the active holder of each KK. */
export interface ActiveLookups {
  nik: Map<string, string>
  kk: Map<string, { nikRef: string; kecamatan: string }>
}

export const activeLookups = async (
  program: string,
  refs: { nikRefs: readonly string[]; kkRefs: readonly string[] },
): Promise<ActiveLookups> => {
  const items = await getAll(table(), [
    ...refs.nikRefs.map((nikRef) => kpmNikLookupKey(program, nikRef)),
    ...refs.kkRefs.map((kkRef) => kpmKkLookupKey(program, kkRef)),
  ])
  const lookups: ActiveLookups = { nik: new Map(), kk: new Map() }
  for (const item of items) {
    const { nikRef, kecamatan, kkRef } = item as { nikRef: string; kecamatan: string; kkRef?: string }
    if (kkRef === undefined) lookups.nik.set(nikRef, kecamatan)
    else lookups.kk.set(kkRef, { nikRef, kecamatan })
  }
  return lookups
}

/** The lookup items of an active record (what `activeLookups` reads back). */
export const lookupItemsOf = (record: Pick<KpmRecord, 'program' | 'kecamatan' | 'nikRef' | 'kkRef'>) => [
  { ...kpmNikLookupKey(record.program, record.nikRef), nikRef: record.nikRef, kecamatan: record.kecamatan },
  {
    ...kpmKkLookupKey(record.program, record.kkRef),
    kkRef: record.kkRef,
    nikRef: record.nikRef,
    kecamatan: record.kecamatan,
  },
]

export interface KpmWrite {
  /** The new record. */
  record: StoredKpm
  /** The chain head before this write (the previous record's, here or in the kecamatan moved from). */
  head: { seq: string; hash: string } | undefined
  /** The record left in the kecamatan moved from, if a move. */
  movedAway?: StoredKpm
  /** The record in this kecamatan before the write, if any (its KK may change hands). */
  previous?: StoredKpm
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
const recordItemsOf = (
  write: KpmWrite,
  context: ApplyContext,
  entry: AuditEntry | undefined,
): TransactItem[] => {
  // The old record no longer heads the chain; the new one does.
  const head = entry ? { auditHead: { seq: entry.seq, hash: entry.hash } } : {}
  return [write.record, ...(write.movedAway ? [write.movedAway] : [])].map((record) => ({
    Put: {
      TableName: table(),
      Item: itemOf({ ...record, ...head }),
      ConditionExpression: NOT_YET,
      ExpressionAttributeValues: { ':batch': context.batchId },
    },
  }))
}

/**
 * The lookup writes of a change, by key: an active record puts its NIK's and KK's
 * lookups; a removed one deletes them; the KK it held before (here, or in the kecamatan
 * it moved from) is freed when it no longer holds it.
 */
const lookupWritesOf = (write: KpmWrite): Map<string, TransactItem> => {
  const { record } = write
  const writes = new Map<string, TransactItem>()
  const keyText = (key: { pk: string; sk: string }) => `${key.pk}\u0000${key.sk}`
  const held = [write.previous, write.movedAway && { ...write.movedAway, status: 'ACTIVE' as const }]
  for (const before of held)
    if (before?.status === 'ACTIVE' && (record.status !== 'ACTIVE' || before.kkRef !== record.kkRef)) {
      const key = kpmKkLookupKey(record.program, before.kkRef)
      writes.set(keyText(key), { Delete: { TableName: table(), Key: key } })
    }
  if (record.status === 'ACTIVE')
    for (const item of lookupItemsOf(record))
      writes.set(keyText(item), { Put: { TableName: table(), Item: item } })
  else {
    const key = kpmNikLookupKey(record.program, record.nikRef)
    writes.set(keyText(key), { Delete: { TableName: table(), Key: key } })
  }
  return writes
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
  const [record, movedAway] = recordItemsOf(write, context, fast)
  // The lookups go after the named items, so the names keep their positions.
  const transaction = namedItems({ record, movedAway, audit: auditPutItem(fast) })
  try {
    await dynamo().send(
      new TransactWriteCommand({ TransactItems: [...transaction.items, ...lookupWritesOf(write).values()] }),
    )
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
      alongWith: [...recordItemsOf(write, context, undefined), ...lookupWritesOf(write).values()],
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

interface Group {
  writes: KpmWrite[]
  items: TransactItem[]
}

/**
 * Packs the writes into transactions of at most 100 items. Two rows of a group may touch
 * the same lookup (a KK changing hands): DynamoDB refuses two operations on one item in a
 * transaction, so the later write of a key replaces the earlier one, as it would in order.
 */
const groupsOf = (writes: readonly KpmWrite[], context: ApplyContext): Group[] => {
  const groups: Group[] = []
  let writesOfGroup: KpmWrite[] = []
  let records: TransactItem[] = []
  let lookups = new Map<string, TransactItem>()
  const close = () => {
    if (writesOfGroup.length > 0)
      groups.push({ writes: writesOfGroup, items: [...records, ...lookups.values()] })
    writesOfGroup = []
    records = []
    lookups = new Map()
  }
  for (const write of writes) {
    const entry = entryFor(write, context)
    const own = [...recordItemsOf(write, context, entry), auditPutItem(entry)]
    const ownLookups = lookupWritesOf(write)
    const added = [...ownLookups.keys()].filter((key) => !lookups.has(key)).length
    if (records.length + lookups.size + own.length + added > TRANSACTION_ITEMS) close()
    writesOfGroup.push(write)
    records.push(...own)
    for (const [key, item] of ownLookups) lookups.set(key, item)
  }
  close()
  return groups
}

/**
 * Writes the changes of a chunk, a group of rows per transaction with a few groups in
 * flight. A group refused as a whole (some row already applied by a crashed run, or a
 * stale chain head) is retried row by row. Returns how many rows this run changed.
 */
export const applyKpmWrites = async (writes: readonly KpmWrite[], context: ApplyContext): Promise<number> => {
  const counts = await inParallel(
    groupsOf(writes, context),
    async (group) => {
      try {
        await dynamo().send(new TransactWriteCommand({ TransactItems: group.items }))
        return group.writes.length
      } catch (error) {
        if (!(error instanceof Error && error.name === 'TransactionCanceledException')) throw error
        let changed = 0
        for (const write of group.writes) if (await applyOne(write, context)) changed++
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
