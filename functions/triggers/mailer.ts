/**
 * The mailer (ADR 0018): sends the outbox's PENDING mails as the main table's stream
 * delivers them. On AWS a DynamoDB Streams event source mapping invokes it with partial
 * batch responses; locally infra/local/mail/local-mailer.ts feeds it the same events
 * from DynamoDB Local's stream. The first record that fails (SES throttling, a network
 * error) is reported with everything after it, so the stream retries from there in
 * order; the ones before it were sent and are checkpointed.
 */
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda'
import { deliverMail } from '../flows/mail/deliver-mail'
import { mailKeyPrefix } from '../data/keys'
import { logger } from '../shared/logger'
import type { StreamConsumerSettings } from './stream-settings'

/**
 * The records the mailer wants: a mail item whose new image is PENDING (new, or resent).
 * The event source mapping (on AWS and locally) filters with the same rule
 * (`mailerStream.filter`, kept equal to this by test/unit/triggers/stream-consumers.test.ts),
 * so this check only matters for a hand-made event.
 */
export const pendingMailIdOf = (record: DynamoDBRecord): string | undefined => {
  if (record.eventName !== 'INSERT' && record.eventName !== 'MODIFY') return undefined
  const image = record.dynamodb?.NewImage
  const pk = image?.pk?.S
  if (!pk?.startsWith(mailKeyPrefix) || image?.status?.S !== 'PENDING') return undefined
  return pk.slice(mailKeyPrefix.length)
}

/**
 * The mailer's event source mapping, on AWS and locally: batches of ten (ADR 0018), sent one
 * mail after another. Retries: SES throttling lasts minutes at most; six hours of retries
 * outlast it and a short SES outage, and keep the shard's later mails from waiting a whole day.
 * Then the batch goes to the dead letter; the mailer marks a mail FAILED before that
 * (MAIL_RETRY_SPAN_MS). The filter is the rule of `pendingMailIdOf` in Lambda event
 * filtering syntax.
 */
export const mailerStream = {
  batchSize: 10,
  retries: { attempts: 500, maxRecordAgeHours: 6 },
  filter: {
    eventName: ['INSERT', 'MODIFY'],
    dynamodb: { NewImage: { pk: { S: [{ prefix: mailKeyPrefix }] }, status: { S: ['PENDING'] } } },
  },
} satisfies StreamConsumerSettings

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
