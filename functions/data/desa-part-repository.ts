/**
 * The desa's parts of a verval (issue 21 item 1, ADR 0033): one item per desa under its
 * kecamatan, program and period. Requesting a part puts the item with the desa's mail
 * (outbox, ADR 0018) and its audit entry in one transaction, once per desa; receiving it
 * is one conditional update (only a REQUESTED part takes rows) with its audit entry. The
 * rows are kept as one JSON attribute, outside what the overview reads.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditActor } from '../core/audit/audit-entry'
import type { DesaPartRecord, DesaSubmission } from '../core/verval/desa-part'
import { unpackDesaRows } from '../core/verval/desa-part-rows'
import type { VervalRow } from '../core/verval/verval-row'
import type { MailDraft } from '../core/outbox/outbox-mail'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { appendAudit, type TransactItem } from './audit-repository'
import { itemCodec } from './item-codec'
import { desaPartAuditEntityId, desaPartKey, desaPartsQuery, type DesaPartScope } from './keys'
import { mailPut } from './outbox-repository'
import { queryAll } from './paginate'
import { failedConditionAt } from './transaction-errors'

const table = () => env.mainTableName()
const ROWS_ATTRIBUTE = 'rowsJson'

const partOf = itemCodec<DesaPartRecord>({ storageOnly: [ROWS_ATTRIBUTE] })

interface Change {
  actor: AuditActor
  correlationId: string
  at: Date
}

const scopeOf = (part: Pick<DesaPartRecord, 'kecamatan' | 'program' | 'period'>): DesaPartScope => ({
  kecamatan: part.kecamatan,
  program: part.program,
  period: part.period,
})

/**
 * Puts a REQUESTED part with its mail and audit entry; false when the desa's part of this
 * period was requested before (nothing written then: one link per desa and period).
 */
export const requestDesaPart = async (
  part: DesaPartRecord,
  mail: MailDraft,
  change: Change,
): Promise<boolean> => {
  const put: TransactItem = {
    Put: {
      TableName: table(),
      Item: { ...desaPartKey(scopeOf(part), part.desaCode), ...part },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  }
  try {
    await appendAudit(
      {
        entityId: desaPartAuditEntityId(scopeOf(part)),
        area: part.kecamatan,
        actor: change.actor,
        action: 'VERVAL_DESA_LINK_SENT',
        after: {
          desaCode: part.desaCode,
          desaName: part.desaName,
          to: part.contact.email,
          linkExpiresAt: part.linkExpiresAt,
        },
        correlationId: change.correlationId,
      },
      { alongWith: [put, mailPut(mail, change.at.toISOString())], at: change.at },
    )
    return true
  } catch (error) {
    if (failedConditionAt(error, 0)) return false
    throw error
  }
}

export class DesaPartTakenError extends Error {
  constructor() {
    super('the desa part is no longer open to an upload')
    this.name = 'DesaPartTakenError'
  }
}

/**
 * Stores what the desa sent (its rows packed by `packDesaRows`, size checked by the
 * caller), once: a part already RECEIVED throws `DesaPartTakenError`.
 */
export const receiveDesaPart = async (
  part: DesaPartRecord,
  submission: DesaSubmission,
  packedRows: string,
  change: Change,
): Promise<void> => {
  const update: TransactItem = {
    Update: {
      TableName: table(),
      Key: desaPartKey(scopeOf(part), part.desaCode),
      UpdateExpression: 'SET #status = :received, received = :submission, #rows = :rows',
      ConditionExpression: '#status = :requested',
      ExpressionAttributeNames: { '#status': 'status', '#rows': ROWS_ATTRIBUTE },
      ExpressionAttributeValues: {
        ':received': 'RECEIVED',
        ':requested': 'REQUESTED',
        ':submission': submission,
        ':rows': packedRows,
      },
    },
  }
  try {
    await appendAudit(
      {
        entityId: desaPartAuditEntityId(scopeOf(part)),
        area: part.kecamatan,
        actor: change.actor,
        action: 'VERVAL_DESA_PART_RECEIVED',
        after: { desaCode: part.desaCode, desaName: part.desaName, ...submission },
        correlationId: change.correlationId,
      },
      { alongWith: [update], at: change.at },
    )
  } catch (error) {
    if (failedConditionAt(error, 0)) throw new DesaPartTakenError()
    throw error
  }
}

export const getDesaPart = async (
  scope: DesaPartScope,
  desaCode: string,
): Promise<DesaPartRecord | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: table(), Key: desaPartKey(scope, desaCode), ConsistentRead: true }),
  )
  return Item ? partOf(Item) : undefined
}

/** The parts of a kecamatan's period, by desa code, without their rows. */
export const listDesaParts = async (scope: DesaPartScope): Promise<DesaPartRecord[]> => {
  const query = desaPartsQuery(scope)
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: { ':pk': query.pk, ':sk': query.skPrefix },
    ProjectionExpression:
      'kecamatan, program, period, desaCode, desaName, contact, #status, requestedAt, requestedBy, linkExpiresAt, received',
    ExpressionAttributeNames: { '#status': 'status' },
    ConsistentRead: true,
  })
  return items.map(partOf)
}

/** The rows a desa sent (empty for a part not received). */
export const readDesaPartRows = async (scope: DesaPartScope, desaCode: string): Promise<VervalRow[]> => {
  const { Item } = await dynamo().send(
    new GetCommand({
      TableName: table(),
      Key: desaPartKey(scope, desaCode),
      ProjectionExpression: ROWS_ATTRIBUTE,
      ConsistentRead: true,
    }),
  )
  const stored = Item?.[ROWS_ATTRIBUTE]
  if (typeof stored !== 'string') return []
  return unpackDesaRows(stored)
}

/** Records on the period's chain which sources a composed batch took (auditors read it). */
export const auditComposition = async (
  scope: DesaPartScope,
  after: Record<string, unknown>,
  change: Change,
): Promise<void> => {
  await appendAudit(
    {
      entityId: desaPartAuditEntityId(scope),
      area: scope.kecamatan,
      actor: change.actor,
      action: 'VERVAL_COMPOSED',
      after,
      correlationId: change.correlationId,
    },
    { at: change.at },
  )
}
