/**
 * The mailer on the local platform (ADR 0018): the same handler as on AWS
 * (functions/triggers/mailer.ts), fed from DynamoDB Local's stream of the main table by
 * the local event source mapping. Reading `GET /api/dev/outbox` first drains it, so a
 * test that reads the outbox sees every mail its last request caused (one SES keeps
 * refusing is retried once during the read, not waited out).
 */
import { type AttributeValue, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams'
import { join } from 'node:path'
import { mailKeyPrefix } from '../../../functions/data/keys'
import {
  handler as mailerHandler,
  mailerStreamRetries,
  pendingMailIdOf,
} from '../../../functions/triggers/mailer'
import { storeCallsAreBackground } from '../foreground'
import { runAsFunction } from '../iam/function-context'
import { openCheckpointFile } from '../streams/checkpoint-file'
import { type StreamHandler, type StreamPoller, startStreamPoller } from '../streams/stream-poller'
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

const local = (endpoint: string) => ({
  region: 'ap-southeast-3',
  endpoint,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
})

const describedStreamArn = async (options: LocalMailerOptions): Promise<string | undefined> => {
  const dynamodb = new DynamoDBClient(local(options.dynamodbEndpoint))
  const { Table } = await dynamodb
    .send(new DescribeTableCommand({ TableName: options.tableName }))
    .finally(() => dynamodb.destroy())
  return Table?.LatestStreamArn
}

export const startLocalMailer = async (options: LocalMailerOptions): Promise<LocalMailer> => {
  const streamArn = options.streamArn ?? (await describedStreamArn(options))
  if (!streamArn) throw new Error(`table ${options.tableName} has no stream: the mailer cannot read it`)
  const client = new DynamoDBStreamsClient(local(options.dynamodbEndpoint))
  // Lambda's event source mapping polls from elsewhere: locally a background store call (ADR 0042).
  storeCallsAreBackground(client)
  const poller = startStreamPoller({
    client,
    streamArn,
    // The local IAM holds the handler to the mailer's own grants, as its role on AWS.
    handler: (event) => runAsFunction('mailer', () => (options.handler ?? mailerHandler)(event)),
    filter: (record) => pendingMailIdOf(record) !== undefined,
    checkpoints: openCheckpointFile(join(options.dataDir, 'streams', `${options.tableName}.json`)),
    batchSize: 10,
    intervalMs: options.intervalMs ?? 200,
    // Short: a throttled local SES recovers when a test says so, and a test waits for it.
    retry: { baseMs: 50, maxMs: 1_000 },
    maxRetryAttempts: options.maxRetryAttempts ?? mailerStreamRetries.attempts,
    onFailure: (deadLetter) => writeStreamDeadLetter(options.dataDir, deadLetter),
  })
  const unregister = beforeOutboxRead(options.dataDir, () => poller.drain())
  return {
    drain: poller.drain,
    nudge: poller.nudge,
    stop: async () => {
      unregister()
      await poller.stop()
      client.destroy()
    },
  }
}
