/**
 * The audit table's writers and chain readers (DESIGN §5). The table is insert-only:
 * every entry is a Put conditioned on its (entityId, seq) not existing, so two writers
 * cannot both extend the same head, and nothing here updates or deletes.
 *
 * Other features record a state change by putting `auditPutItem(entry)` into the SAME
 * `TransactWriteItems` as the change ("no state change without its entry, no entry
 * without its change"): `appendAudit(input, { alongWith })` does the read-head / build /
 * write / retry-on-race dance for them.
 */
import type { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import {
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb'
import type { AuditEntry, AuditInput } from '../core/audit/audit-entry'
import { nextEntry } from '../core/audit/next-entry'
import { holdsUnmaskedIdentity } from '../core/audit/sanitize'
import { dynamo } from '../shared/clients'
import { now } from '../shared/clock'
import { env } from '../shared/env'
import { queryAll } from './paginate'
import { auditItemOf, entryOf } from './audit-item'
import { type AuditHead, createAuditHeadCache } from './audit-head-cache'
import { auditTable } from './table-definitions'

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number]
type AuditPut = TransactItem & { Put: NonNullable<TransactItem['Put']> }

const ENTITY = auditTable.partitionKey.name
/** Heads this process wrote or read, standing in for the head read on an append's first attempt. */
const knownHeads = createAuditHeadCache()
const RACE_ATTEMPTS = 10
/** Random, growing pauses between attempts, so racing writers stop colliding in lockstep. */
const backoff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt))

/**
 * The Put of one entry, for a `TransactWriteItems` of the caller's. Refuses an entry
 * that still carries a full NIK/KK: `nextEntry` masks before hashing, and masking here
 * would break the hash, so an entry built any other way must not get through.
 */
export const auditPutItem = (entry: AuditEntry): AuditPut => {
  if ([entry.before, entry.after, entry.correlationId, entry.actor].some(holdsUnmaskedIdentity))
    throw new Error(`audit entry ${entry.entityId}/${entry.seq} carries an unmasked identity number`)
  return {
    Put: {
      TableName: env.auditTableName(),
      Item: auditItemOf(entry),
      ConditionExpression: 'attribute_not_exists(#entity)',
      ExpressionAttributeNames: { '#entity': ENTITY },
    },
  }
}

/** What a fresh read found: the head is remembered, an empty chain forgets any remembered one. */
const rememberRead = (table: string, entityId: string, head: AuditHead | undefined): void => {
  if (head) knownHeads.read(table, head)
  else knownHeads.forget(table, entityId)
}

/** The chain's last entry, read strongly consistent so that the next seq is not stale. */
export const readAuditHead = async (entityId: string): Promise<AuditEntry | undefined> => {
  const table = env.auditTableName()
  const { Items } = await dynamo().send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: '#entity = :entity',
      ExpressionAttributeNames: { '#entity': ENTITY },
      ExpressionAttributeValues: { ':entity': entityId },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    }),
  )
  const item = Items?.[0]
  const head = item ? entryOf(item) : undefined
  rememberRead(table, entityId, head)
  return head
}

/** The next entry of the input's chain, ready for `auditPutItem`. */
export const prepareAuditEntry = async (input: AuditInput, at: Date = now()): Promise<AuditEntry> =>
  nextEntry(await readAuditHead(input.entityId), input, at)

// By name, not `instanceof`: a second copy of the SDK in a bundle must not turn a race into a failure.
const isNamed = (error: unknown, name: string): boolean => error instanceof Error && error.name === name

/**
 * Whether a failed write lost the race for the audit seq (another writer extended the
 * head first), as opposed to failing for any other reason, e.g. the caller's own
 * precondition on its state item. `auditItemIndex` is the position of the audit Put in
 * the transaction; without it the error is that of a lone Put.
 */
export const lostAuditRace = (error: unknown, auditItemIndex?: number): boolean => {
  if (auditItemIndex === undefined) return isNamed(error, 'ConditionalCheckFailedException')
  if (!isNamed(error, 'TransactionCanceledException')) return false
  const reasons = (error as TransactionCanceledException).CancellationReasons ?? []
  return (
    reasons[auditItemIndex]?.Code === 'ConditionalCheckFailed' &&
    reasons.every((reason, index) => index === auditItemIndex || !reason.Code || reason.Code === 'None')
  )
}

export class AuditRaceLostError extends Error {
  constructor(entityId: string) {
    super(`could not append to the audit chain of ${entityId}: its head kept moving`)
    this.name = 'AuditRaceLostError'
  }
}

export interface AppendOptions {
  /** State changes to commit in the same transaction as the entry (all or nothing). */
  alongWith?: readonly TransactItem[]
  /** The entry's time; the project clock when absent. */
  at?: Date
  /**
   * The entity was created by this very transaction (e.g. a case under a fresh id): its
   * chain is empty, so the first attempt skips reading the head. The Put's condition still
   * guards seq 1; a lost race reads the head like any other append.
   */
  newEntity?: boolean
}

/**
 * The head the first attempt builds on without reading: none for a new entity, else the
 * one this process last wrote or read (see audit-head-cache.ts); `null` when it must read.
 */
const headWithoutReading = (
  table: string,
  input: AuditInput,
  options: AppendOptions,
): AuditHead | undefined | null =>
  options.newEntity ? undefined : (knownHeads.get(table, input.entityId) ?? null)

/**
 * Appends one entry to its entity's chain, with the given state changes in the same
 * transaction. A race for the seq is retried from a fresh head; any other failure
 * (the caller's own conditions included) is thrown as it is and nothing is written.
 * The first attempt builds on a remembered head when there is one: a stale one loses
 * the race like a concurrent writer would, and the retry reads the head.
 */
export const appendAudit = async (input: AuditInput, options: AppendOptions = {}): Promise<AuditEntry> => {
  const alongWith = options.alongWith ?? []
  const table = env.auditTableName()
  for (let attempt = 1; attempt <= RACE_ATTEMPTS; attempt += 1) {
    const at = options.at ?? now()
    const known = attempt === 1 ? headWithoutReading(table, input, options) : null
    const entry = known === null ? await prepareAuditEntry(input, at) : nextEntry(known, input, at)
    const put = auditPutItem(entry)
    try {
      if (alongWith.length === 0) await dynamo().send(new PutCommand(put.Put))
      else await dynamo().send(new TransactWriteCommand({ TransactItems: [...alongWith, put] }))
      knownHeads.wrote(table, entry)
      return entry
    } catch (error) {
      if (!lostAuditRace(error, alongWith.length === 0 ? undefined : alongWith.length)) throw error
      knownHeads.forget(table, input.entityId)
      await backoff(attempt)
    }
  }
  throw new AuditRaceLostError(input.entityId)
}

/** The whole chain in seq order, strongly consistent (what verify recomputes). */
export const readChain = async (entityId: string): Promise<AuditEntry[]> => {
  const table = env.auditTableName()
  const chain = (
    await queryAll({
      TableName: table,
      KeyConditionExpression: '#entity = :entity',
      ExpressionAttributeNames: { '#entity': ENTITY },
      ExpressionAttributeValues: { ':entity': entityId },
      ConsistentRead: true,
    })
  ).map(entryOf)
  rememberRead(table, entityId, chain.at(-1))
  return chain
}
