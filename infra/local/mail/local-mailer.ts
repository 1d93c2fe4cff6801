/**
 * The mailer on the local platform (ADR 0018): the same handler as on AWS
 * (functions/triggers/mailer.ts), fed from DynamoDB Local's stream of the main table by
 * the local event source mapping (streams/local-stream-consumer.ts). Reading
 * `GET /api/dev/outbox` first drains it, so a test that reads the outbox sees every mail
 * its last request caused (one SES keeps refusing is retried once during the read, not
 * waited out).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb'
import { mailKeyPrefix } from '../../../functions/data/keys'
import { handler as mailerHandler, mailerStream } from '../../../functions/triggers/mailer'
import { startLocalStreamConsumer } from '../streams/local-stream-consumer'
import type { StreamHandler, StreamPoller } from '../streams/stream-poller-types'
import { writeStreamDeadLetter } from './dead-letters'
import { beforeOutboxRead } from './outbox'

export interface LocalMailerOptions {
  dataDir: string
  dynamodbEndpoint: string
  tableName: string
  /** The table's stream, when the caller has just described the table (a warm start asks once). */
  streamArn?: string
  /** The handler the stream feeds; tests wrap the real one to inject failures. */
  handler?: StreamHandler
  intervalMs?: number
  /** The mapping's retries before a failed batch goes to the dead letter (AWS's, unless a test shortens it). */
  maxRetryAttempts?: number
}

export type LocalMailer = StreamPoller

/**
 * Could a write of this item (or key) put a record on the stream that the mailer wants? Only
 * an outbox item can: the platform nudges the mailer for these writes alone (write-nudge.ts).
 */
export const mayFeedMailer = (item: Record<string, AttributeValue>): boolean =>
  item.pk?.S?.startsWith(mailKeyPrefix) === true

export const startLocalMailer = async (options: LocalMailerOptions): Promise<LocalMailer> => {
  const consumer = await startLocalStreamConsumer({
    functionName: 'mailer',
    handler: options.handler ?? mailerHandler,
    settings: mailerStream,
    dataDir: options.dataDir,
    dynamodbEndpoint: options.dynamodbEndpoint,
    tableName: options.tableName,
    ...(options.streamArn ? { streamArn: options.streamArn } : {}),
    // The mailer's checkpoint kept its name from before the case starter read the stream too.
    checkpointName: options.tableName,
    intervalMs: options.intervalMs ?? 200,
    // Short: a throttled local SES recovers when a test says so, and a test waits for it.
    retry: { baseMs: 50, maxMs: 1_000 },
    maxRetryAttempts: options.maxRetryAttempts,
    onFailure: (deadLetter) => writeStreamDeadLetter(options.dataDir, deadLetter),
  })
  const unregister = beforeOutboxRead(options.dataDir, () => consumer.drain())
  return {
    drain: consumer.drain,
    nudge: consumer.nudge,
    stop: async () => {
      unregister()
      await consumer.stop()
    },
  }
}
