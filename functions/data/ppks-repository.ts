/**
 * The PPKS register (issue 16 item 1, ADR 0038): one item per entry, indexed in gsi1 by
 * kabupaten/kota, kecamatan and desa. Every change is one transaction with its audit entry
 * (PPKS_RECORDED / PPKS_UPDATED / PPKS_CASE_OPENED; the audit keeps no name, NIK or free
 * text) and states its precondition: a new id on create, the version read on update, and
 * no case yet when a case is linked.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditActor } from '../core/audit/audit-entry'
import { ppksAuditView, type PpksRecord } from '../core/ppks/ppks-record'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { appendAudit } from './audit-repository'
import { itemCodec } from './item-codec'
import { auditEntityId, ppksByAreaEntry, ppksByAreaQuery, ppksKey } from './keys'
import { queryGsi1 } from './paginate'
import { failedConditionAt } from './transaction-errors'

const table = () => env.mainTableName()

const ppksOf = itemCodec<PpksRecord>()

const itemOf = (record: PpksRecord) => ({
  ...ppksKey(record.ppksId),
  ...ppksByAreaEntry(record.desa, record.ppksId),
  ...record,
})

/** The write's precondition failed: the id is taken, the entry changed since read, or it already has a case. */
export class PpksWriteRefused extends Error {
  constructor() {
    super('ppks write refused')
    this.name = 'PpksWriteRefused'
  }
}

export interface PpksChange {
  actor: AuditActor
  correlationId: string
  at: Date
}

type PpksAction = 'PPKS_RECORDED' | 'PPKS_UPDATED' | 'PPKS_CASE_OPENED'

const condition = (action: PpksAction, before: PpksRecord | undefined) => {
  if (!before) return { ConditionExpression: 'attribute_not_exists(pk)' }
  const unlinked = action === 'PPKS_CASE_OPENED' ? ' AND attribute_not_exists(#case)' : ''
  return {
    ConditionExpression: `version = :version${unlinked}`,
    ExpressionAttributeValues: { ':version': before.version },
    ...(unlinked ? { ExpressionAttributeNames: { '#case': 'case' } } : {}),
  }
}

const write = async (
  action: PpksAction,
  next: PpksRecord,
  before: PpksRecord | undefined,
  change: PpksChange,
): Promise<void> => {
  try {
    await appendAudit(
      {
        entityId: auditEntityId.ppks(next.ppksId),
        area: next.kecamatan,
        actor: change.actor,
        action,
        before: before ? ppksAuditView(before) : null,
        after: ppksAuditView(next),
        correlationId: change.correlationId,
      },
      {
        at: change.at,
        alongWith: [{ Put: { TableName: table(), Item: itemOf(next), ...condition(action, before) } }],
      },
    )
  } catch (error) {
    if (failedConditionAt(error, 0)) throw new PpksWriteRefused()
    throw error
  }
}

export const createPpksRecord = (record: PpksRecord, change: PpksChange): Promise<void> =>
  write('PPKS_RECORDED', record, undefined, change)

/** Writes `next` over `previous` if nobody changed it since it was read. */
export const updatePpksRecord = (previous: PpksRecord, next: PpksRecord, change: PpksChange): Promise<void> =>
  write('PPKS_UPDATED', next, previous, change)

/** Records the case opened from the entry, if it had none and nobody changed it since read. */
export const linkPpksCase = (previous: PpksRecord, next: PpksRecord, change: PpksChange): Promise<void> =>
  write('PPKS_CASE_OPENED', next, previous, change)

/** Audits a staff read of a sensitive entry before it is answered (DESIGN §5, as a sensitive case's). */
export const auditSensitiveRead = async (record: PpksRecord, change: PpksChange): Promise<void> => {
  await appendAudit(
    {
      entityId: auditEntityId.ppks(record.ppksId),
      area: record.kecamatan,
      actor: change.actor,
      action: 'SENSITIVE_PPKS_READ',
      after: { purpose: 'ppks detail' },
      correlationId: change.correlationId,
    },
    { at: change.at },
  )
}

export const getPpks = async (ppksId: string): Promise<PpksRecord | undefined> => {
  const { Item } = await dynamo().send(new GetCommand({ TableName: table(), Key: ppksKey(ppksId) }))
  return Item ? ppksOf(Item) : undefined
}

/** Every entry of a kabupaten/kota, kecamatan or desa, active or not. */
export const ppksOfArea = async (area: string): Promise<PpksRecord[]> =>
  (await queryGsi1(table(), ppksByAreaQuery(area))).map(ppksOf)
