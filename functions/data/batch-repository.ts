/**
 * Verval batches (DESIGN §2, §3): the batch item, its rows and error report under the
 * batch's partition, and the slot item that names the one live batch of a
 * kecamatan+program+period. Every status change is conditioned on the status it leaves
 * and carries its audit entry on the batch's chain in the same transaction.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditActor } from '../core/audit/audit-entry'
import type { BatchRecord } from '../core/verval/batch-record'
import type { BatchStatus } from '../core/verval/batch-status'
import type { RowError } from '../core/verval/row-error'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { itemCodec } from './item-codec'
import { queryAll } from './paginate'
import { appendAudit, type TransactItem } from './audit-repository'
import { putAll } from './batch-write'
import {
  auditEntityId,
  batchErrorKey,
  batchErrorPrefix,
  batchesByAreaEntry,
  batchKey,
  vervalSlotKey,
} from './keys'
import { failedConditionAt } from './transaction-errors'

const table = () => env.mainTableName()

export interface BatchNote {
  action: string
  actor: AuditActor
  after?: unknown
  correlationId: string
}

const auditOn = (batch: Pick<BatchRecord, 'batchId' | 'kecamatan'>, note: BatchNote) => ({
  entityId: auditEntityId.batch(batch.batchId),
  area: batch.kecamatan,
  actor: note.actor,
  action: note.action,
  before: null,
  after: (note.after ?? null) as never,
  correlationId: note.correlationId,
})

/** The workflow's task token stays off every view of the batch. */
export const recordOf = itemCodec<BatchRecord>({ storageOnly: ['token'] })

export const getBatch = async (batchId: string): Promise<BatchRecord | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: table(), Key: batchKey(batchId), ConsistentRead: true }),
  )
  return Item ? recordOf(Item) : undefined
}

/** The workflow token of the batch's current approval wait (kept off the public record). */
export const getBatchToken = async (batchId: string): Promise<string | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({
      TableName: table(),
      Key: batchKey(batchId),
      ConsistentRead: true,
      ProjectionExpression: '#t',
      ExpressionAttributeNames: { '#t': 'token' },
    }),
  )
  return Item?.token as string | undefined
}

/** The batch that holds a kecamatan+program+period now, if any. */
export const currentBatchOf = async (
  slot: Pick<BatchRecord, 'kecamatan' | 'program' | 'period'>,
): Promise<BatchRecord | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({
      TableName: table(),
      Key: vervalSlotKey(slot.kecamatan, slot.program, slot.period),
      ConsistentRead: true,
    }),
  )
  return Item ? getBatch(Item.batchId as string) : undefined
}

/** Rows `from`..`to` (1-based, inclusive) in file order. */
/** Stores a chunk's errors; keyed by (line, position), so a re-run writes the same items. */
export const putErrors = (batchId: string, errors: readonly RowError[]): Promise<void> => {
  const positions = new Map<number, number>()
  return putAll(
    table(),
    errors.map((error) => {
      const position = (positions.get(error.row) ?? 0) + 1
      positions.set(error.row, position)
      return { ...batchErrorKey(batchId, error.row, position), ...error }
    }),
  )
}

/** An error item is its row error under its key. */
const rowErrorOf = itemCodec<RowError>()

export const listErrors = async (batchId: string): Promise<RowError[]> =>
  (
    await queryAll({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': batchKey(batchId).pk, ':prefix': batchErrorPrefix },
    })
  ).map(rowErrorOf)

export class BatchConflictError extends Error {
  constructor(readonly current: BatchRecord | undefined) {
    super('the period is held by a batch that can no longer be superseded')
    this.name = 'BatchConflictError'
  }
}

const statusCondition = (from: readonly BatchStatus[], values: Record<string, unknown>): string => {
  from.forEach((status, index) => {
    values[`:from${index}`] = status
  })
  return `#status IN (${from.map((_, index) => `:from${index}`).join(', ')})`
}

/** The conditional status update of a batch, for a transaction. */
export const statusUpdate = (
  batchId: string,
  from: readonly BatchStatus[],
  to: BatchStatus,
  at: string,
  fields: Record<string, unknown> = {},
): TransactItem => {
  const names: Record<string, string> = { '#status': 'status', '#updatedAt': 'updatedAt' }
  const values: Record<string, unknown> = { ':to': to, ':at': at }
  const sets = ['#status = :to', '#updatedAt = :at']
  Object.entries(fields).forEach(([field, value], index) => {
    names[`#f${index}`] = field
    values[`:f${index}`] = value
    sets.push(`#f${index} = :f${index}`)
  })
  const condition = statusCondition(from, values)
  return {
    Update: {
      TableName: table(),
      Key: batchKey(batchId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  }
}

/**
 * Moves a batch from one of `from` to `to` with its audit entry; false when the batch
 * is not in `from` any more (another run or a supersede got there first).
 */
export const transition = async (
  batch: Pick<BatchRecord, 'batchId' | 'kecamatan'>,
  from: readonly BatchStatus[],
  to: BatchStatus,
  note: BatchNote,
  options: { at: Date; fields?: Record<string, unknown>; alongWith?: readonly TransactItem[] },
): Promise<boolean> => {
  const update = statusUpdate(batch.batchId, from, to, options.at.toISOString(), options.fields)
  try {
    await appendAudit(auditOn(batch, note), {
      alongWith: [update, ...(options.alongWith ?? [])],
      at: options.at,
    })
    return true
  } catch (error) {
    if (failedConditionAt(error, 0)) return false
    throw error
  }
}

/**
 * Registers a new batch as the live one of its period, replacing `previous` (already
 * superseded, rejected or absent) only if the slot still names it: of two uploads
 * racing, one wins and the other gets the conflict.
 */
export const createBatch = async (
  batch: BatchRecord,
  previousBatchId: string | undefined,
  note: BatchNote,
): Promise<void> => {
  const slot = vervalSlotKey(batch.kecamatan, batch.program, batch.period)
  const items: TransactItem[] = [
    {
      Put: {
        TableName: table(),
        Item: { ...slot, batchId: batch.batchId },
        ConditionExpression: previousBatchId ? 'batchId = :previous' : 'attribute_not_exists(pk)',
        ...(previousBatchId ? { ExpressionAttributeValues: { ':previous': previousBatchId } } : {}),
      },
    },
    {
      Put: {
        TableName: table(),
        Item: {
          ...batchKey(batch.batchId),
          ...batchesByAreaEntry(batch.kecamatan, batch.program, batch.period, batch.batchId),
          ...batch,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ]
  try {
    await appendAudit(auditOn(batch, note), { alongWith: items, at: new Date(batch.createdAt) })
  } catch (error) {
    if (failedConditionAt(error, 0)) throw new BatchConflictError(undefined)
    throw error
  }
}

/** Records that the batch's workflow runs (start-once policy), so later reads stop starting it. */
export const markBatchWorkflowStarted = async (batchId: string, at: string): Promise<void> => {
  await dynamo().send(
    new UpdateCommand({
      TableName: table(),
      Key: batchKey(batchId),
      UpdateExpression: 'SET workflowStartedAt = if_not_exists(workflowStartedAt, :at)',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':at': at },
    }),
  )
}

/** Stores the token of the approval wait, unless the batch left AWAITING_APPROVAL (then false). */
export const storeBatchToken = async (batchId: string, token: string): Promise<boolean> => {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: table(),
        Key: batchKey(batchId),
        UpdateExpression: 'SET #token = :token',
        ConditionExpression: '#status = :awaiting',
        ExpressionAttributeNames: { '#token': 'token', '#status': 'status' },
        ExpressionAttributeValues: { ':token': token, ':awaiting': 'AWAITING_APPROVAL' },
      }),
    )
    return true
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false
    throw error
  }
}
