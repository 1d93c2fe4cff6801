/**
 * The mail outbox (ADR 0018): one item per email under `MAIL#<mailId>`. Producers put it
 * with the state change that causes it (`mailPut` inside their transaction); the mailer
 * moves it PENDING → SENT (with SES's MessageId) or → FAILED (a permanent rejection,
 * listed for the kabupaten's Dinsos, who may resend it: FAILED → PENDING).
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { MailDraft, MailFailure, OutboxMailRecord } from '../core/outbox/outbox-mail'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { itemCodec } from './item-codec'
import type { TransactItem } from './audit-repository'
import {
  bouncingAddressEntry,
  bouncingAddressesQuery,
  bouncingAddressKey,
  failedMailEntry,
  failedMailsQuery,
  mailKey,
} from './keys'
import { isConditionFailure } from './transaction-errors'

const table = () => env.mainTableName()

/** A sent mail is kept 90 days (what a "was it sent?" question needs), then TTL removes it. */
const SENT_TTL_SECONDS = 90 * 24 * 60 * 60

/** The Put of a new PENDING mail; fails its condition when the same mail was written before. */
export const mailPut = (draft: MailDraft, at: string): TransactItem => ({
  Put: {
    TableName: table(),
    Item: { ...mailKey(draft.mailId), ...draft, status: 'PENDING', createdAt: at },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
})

/** `expiresAt` is the TTL of a sent mail, not part of the record. */
const recordOf = itemCodec<OutboxMailRecord>({ storageOnly: ['expiresAt'] })

export const getMail = async (mailId: string): Promise<OutboxMailRecord | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: table(), Key: mailKey(mailId), ConsistentRead: true }),
  )
  return Item ? recordOf(Item) : undefined
}

/** An update of a mail only while it is in `from`; false when it is not (a duplicate delivery). */
const transition = async (
  mailId: string,
  from: OutboxMailRecord['status'],
  update: string,
  values: Record<string, unknown>,
): Promise<boolean> => {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: table(),
        Key: mailKey(mailId),
        UpdateExpression: update,
        ConditionExpression: '#status = :from',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':from': from, ...values },
      }),
    )
    return true
  } catch (error) {
    if (isConditionFailure(error)) return false
    throw error
  }
}

/** SES accepted the mail: only now does it count as sent. */
export const markMailSent = (mailId: string, messageId: string, at: string): Promise<boolean> =>
  transition(mailId, 'PENDING', 'SET #status = :sent, messageId = :id, sentAt = :at, expiresAt = :ttl', {
    ':sent': 'SENT',
    ':id': messageId,
    ':at': at,
    ':ttl': Math.floor(Date.parse(at) / 1000) + SENT_TTL_SECONDS,
  })

/** SES refused the mail for good: it waits, listed for the area's Dinsos, for a resend. */
export const markMailFailed = (
  mail: OutboxMailRecord,
  failure: MailFailure,
  at: string,
): Promise<boolean> => {
  const entry = failedMailEntry(mail.area, at, mail.mailId)
  return transition(
    mail.mailId,
    'PENDING',
    'SET #status = :failed, failedAt = :at, failure = :failure, gsi1pk = :g1pk, gsi1sk = :g1sk',
    { ':failed': 'FAILED', ':at': at, ':failure': failure, ':g1pk': entry.gsi1pk, ':g1sk': entry.gsi1sk },
  )
}

/** "Kirim ulang": back to PENDING, which the stream hands to the mailer again. */
export const requeueMail = (mailId: string, at: string): Promise<boolean> =>
  transition(
    mailId,
    'FAILED',
    'SET #status = :pending, requeuedAt = :at REMOVE gsi1pk, gsi1sk, failure, failedAt',
    { ':pending': 'PENDING', ':at': at },
  )

export const listFailedMails = async (kabupaten: string, limit = 100): Promise<OutboxMailRecord[]> => {
  const { Items } = await dynamo().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': failedMailsQuery(kabupaten).gsi1pk },
      ScanIndexForward: false,
      Limit: limit,
    }),
  )
  return (Items ?? []).map(recordOf)
}

export interface BouncingAddress {
  email: string
  type: 'BOUNCE' | 'COMPLAINT'
  at: string
  detail: string
  /** The mail that bounced, so Dinsos can tell which notice did not arrive. */
  mailId: string
  subject: string
}

/** Records a bounce or complaint on the mail and on its recipient's address. */
export const recordBounce = async (
  mail: OutboxMailRecord,
  bounce: Omit<BouncingAddress, 'email' | 'mailId' | 'subject'>,
) => {
  await dynamo().send(
    new UpdateCommand({
      TableName: table(),
      Key: mailKey(mail.mailId),
      UpdateExpression: 'SET bounce = :bounce',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':bounce': { type: bounce.type, at: bounce.at, detail: bounce.detail } },
    }),
  )
  // Only staff and provider addresses are listed: a resident's address stays on its mail.
  if (!mail.recipientId) return
  const address: BouncingAddress = {
    ...bounce,
    email: mail.to.toLowerCase(),
    mailId: mail.mailId,
    subject: mail.subject,
  }
  // The latest event wins: an address that bounced again is shown with its newest bounce.
  await dynamo().send(
    new PutCommand({
      TableName: table(),
      Item: { ...bouncingAddressKey(mail.to), ...bouncingAddressEntry(mail.area, mail.to), ...address },
    }),
  )
}

export const listBouncingAddresses = async (kabupaten: string, limit = 100): Promise<BouncingAddress[]> => {
  const { Items } = await dynamo().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': bouncingAddressesQuery(kabupaten).gsi1pk },
      Limit: limit,
    }),
  )
  return (Items ?? []).map(({ email, type, at, detail, mailId, subject }) => ({
    email,
    type,
    at,
    detail,
    mailId,
    subject,
  })) as BouncingAddress[]
}
