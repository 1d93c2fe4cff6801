/**
 * The mailer (ADR 0018): sends the outbox's PENDING mails as the main table's stream
 * delivers them. On AWS a DynamoDB Streams event source mapping invokes it with partial
 * batch responses; locally infra/local/mail/stream-mailer.ts feeds it the same events
 * from DynamoDB Local's stream. The first record that fails (SES throttling, a network
 * error) is reported with everything after it, so the stream retries from there in
 * order; the ones before it were sent and are checkpointed.
 */
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda'
import { deliverMail } from '../flows/mail/deliver-mail'
import { mailKeyPrefix } from '../data/keys'
import { logger } from '../shared/logger'

/**
 * The records the mailer wants: a mail item whose new image is PENDING (new, or resent).
 * The event source mapping on AWS filters with the same rule (`mailerStreamFilter`), so
 * this check only matters for the local feed and a hand-made event.
 */
export const pendingMailIdOf = (record: DynamoDBRecord): string | undefined => {
  if (record.eventName !== 'INSERT' && record.eventName !== 'MODIFY') return undefined
  const image = record.dynamodb?.NewImage
  const pk = image?.pk?.S
  if (!pk?.startsWith(mailKeyPrefix) || image?.status?.S !== 'PENDING') return undefined
  return pk.slice(mailKeyPrefix.length)
}

/**
 * The mapping's retries (the CDK's event source and the local feed use the same): SES
 * throttling lasts minutes at most; six hours of retries outlast it and a short SES
 * outage, and keep the shard's later mails from waiting a whole day. Then the batch goes
 * to the dead letter; the mailer marks a mail FAILED before that (MAIL_RETRY_SPAN_MS).
 */
export const mailerStreamRetries = { attempts: 500, maxRecordAgeHours: 6 } as const

/** The event source mapping's filter pattern for the rule above (Lambda event filtering syntax). */
export const mailerStreamFilter = {
  eventName: ['INSERT', 'MODIFY'],
  dynamodb: { NewImage: { pk: { S: [{ prefix: mailKeyPrefix }] }, status: { S: ['PENDING'] } } },
}

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  for (const [index, record] of event.Records.entries()) {
    const mailId = pendingMailIdOf(record)
    if (!mailId) continue
    try {
      await deliverMail(mailId)
    } catch (error) {
      logger.warn('mail not sent; the stream retries it', { mailId, error: error as Error })
      return {
        batchItemFailures: event.Records.slice(index).map((failed) => ({
          itemIdentifier: failed.dynamodb?.SequenceNumber ?? '',
        })),
      }
    }
  }
  return { batchItemFailures: [] }
}
