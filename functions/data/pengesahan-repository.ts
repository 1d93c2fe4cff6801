/**
 * The pengesahan deadline's data (issue 21.5, ADR 0035): the day per kabupaten/kota (one
 * item, replaced whole by its admin, audited, listed in gsi1 for the daily job) and one
 * record per reminder sent, written in the transaction that puts its mails into the
 * outbox: a reminder whose record exists was sent, so a second run sends nothing.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditInput } from '../core/audit/audit-entry'
import type { MailDraft } from '../core/outbox/outbox-mail'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { appendAudit } from './audit-repository'
import { itemCodec } from './item-codec'
import {
  pengesahanDayKey,
  pengesahanReminderKey,
  pengesahanWatchEntry,
  pengesahanWatchPartition,
} from './keys'
import { mailPut } from './outbox-repository'
import { queryAll } from './paginate'
import { failedConditionAt } from './transaction-errors'

const table = () => env.mainTableName()

export interface StoredPengesahanDay {
  kabupaten: string
  day: number
  updatedAt: string
  version: number
}

const dayOf = itemCodec<StoredPengesahanDay>()

export const getPengesahanDay = async (kabupaten: string): Promise<StoredPengesahanDay | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: table(), Key: pengesahanDayKey(kabupaten), ConsistentRead: true }),
  )
  return Item ? dayOf(Item) : undefined
}

export class PengesahanDayChangedError extends Error {
  constructor(kabupaten: string) {
    super(`the pengesahan day of ${kabupaten} changed meanwhile`)
    this.name = 'PengesahanDayChangedError'
  }
}

/** Replaces the day if nobody did since it was read (`expectedVersion`; 0 = none stored yet). */
export const putPengesahanDay = async (
  next: StoredPengesahanDay,
  expectedVersion: number,
  audit: AuditInput,
): Promise<void> => {
  const put = {
    Put: {
      TableName: table(),
      Item: { ...pengesahanDayKey(next.kabupaten), ...pengesahanWatchEntry(next.kabupaten), ...next },
      ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
      ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':v': expectedVersion } }),
    },
  }
  try {
    await appendAudit(audit, { alongWith: [put] })
  } catch (error) {
    if (failedConditionAt(error, 0)) throw new PengesahanDayChangedError(next.kabupaten)
    throw error
  }
}

/** Every kabupaten/kota whose admin set the day: what the daily job watches. */
export const watchedKabupatens = async (): Promise<StoredPengesahanDay[]> =>
  (
    await queryAll({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': pengesahanWatchPartition() },
    })
  ).map(dayOf)

export interface ReminderRecord {
  kabupaten: string
  period: string
  subject: string
  kind: string
  milestone: string
  recipientIds: string[]
  sentAt: string
}

/**
 * Records a reminder and puts its mails into the outbox, with its audit entry, all or
 * nothing. `false` when it was recorded before (sent once, whatever reruns).
 */
export const recordReminder = async (
  reminder: ReminderRecord,
  mails: readonly MailDraft[],
  audit: AuditInput,
): Promise<boolean> => {
  const key = pengesahanReminderKey(
    reminder.kabupaten,
    reminder.period,
    reminder.subject,
    reminder.kind,
    reminder.milestone,
  )
  try {
    await appendAudit(audit, {
      alongWith: [
        {
          Put: {
            TableName: table(),
            Item: { ...key, ...reminder },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...mails.map((mail) => mailPut(mail, reminder.sentAt)),
      ],
    })
    return true
  } catch (error) {
    if (failedConditionAt(error, 0)) return false
    throw error
  }
}
