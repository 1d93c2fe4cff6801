/**
 * The PSKS register (issue 16, ADR 0031): one item per PSKS, indexed in gsi1 by
 * kabupaten/kota and kecamatan. Every change is one transaction with its audit entry
 * (PSKS_CREATED / PSKS_UPDATED, before/after) and states its precondition: a new id on
 * create, the version read on update.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditActor } from '../core/audit/audit-entry'
import { type PsksRecord, psksView } from '../core/psks/psks-record'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { appendAudit } from './audit-repository'
import { itemCodec } from './item-codec'
import { auditEntityId, psksByAreaEntry, psksByAreaQuery, psksKey } from './keys'
import { queryGsi1 } from './paginate'
import { failedConditionAt } from './transaction-errors'

const table = () => env.mainTableName()

const psksOf = itemCodec<PsksRecord>()

const itemOf = (record: PsksRecord) => ({
  ...psksKey(record.psksId),
  ...psksByAreaEntry(record.kecamatan, record.psksId),
  ...record,
})

/** The write's precondition failed: the id is taken (create) or the entry changed since read (update). */
export class PsksWriteRefused extends Error {
  constructor() {
    super('psks write refused')
    this.name = 'PsksWriteRefused'
  }
}

export interface PsksChange {
  actor: AuditActor
  correlationId: string
  at: Date
}

const write = async (
  action: 'PSKS_CREATED' | 'PSKS_UPDATED',
  next: PsksRecord,
  before: PsksRecord | undefined,
  change: PsksChange,
): Promise<void> => {
  try {
    await appendAudit(
      {
        entityId: auditEntityId.psks(next.psksId),
        area: next.kecamatan,
        actor: change.actor,
        action,
        before: before ? psksView(before) : null,
        after: psksView(next),
        correlationId: change.correlationId,
      },
      {
        at: change.at,
        alongWith: [
          {
            Put: {
              TableName: table(),
              Item: itemOf(next),
              ...(before
                ? {
                    ConditionExpression: 'version = :version',
                    ExpressionAttributeValues: { ':version': before.version },
                  }
                : { ConditionExpression: 'attribute_not_exists(pk)' }),
            },
          },
        ],
      },
    )
  } catch (error) {
    if (failedConditionAt(error, 0)) throw new PsksWriteRefused()
    throw error
  }
}

export const createPsksRecord = (record: PsksRecord, change: PsksChange): Promise<void> =>
  write('PSKS_CREATED', record, undefined, change)

/** Writes `next` over `previous` if nobody changed it since it was read. */
export const updatePsksRecord = (previous: PsksRecord, next: PsksRecord, change: PsksChange): Promise<void> =>
  write('PSKS_UPDATED', next, previous, change)

export const getPsks = async (psksId: string): Promise<PsksRecord | undefined> => {
  const { Item } = await dynamo().send(new GetCommand({ TableName: table(), Key: psksKey(psksId) }))
  return Item ? psksOf(Item) : undefined
}

/** Every PSKS of a kabupaten/kota, or of one of its kecamatan, active or not. */
export const psksOfArea = async (kabupaten: string, kecamatan?: string): Promise<PsksRecord[]> => {
  const items = await queryGsi1(table(), psksByAreaQuery(kabupaten, kecamatan))
  return items.map(psksOf)
}
