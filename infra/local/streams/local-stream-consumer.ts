/**
 * One Lambda event source mapping on the main table's stream, for the local platform (ADR
 * 0014, 0018, 0050): a function's handler fed from DynamoDB Local's stream with the
 * mapping's filter, batch size, retries and maximum record age (the settings the CDK's
 * mapping is made from) and an on-failure destination, under the function's own IAM
 * (infra/local/iam) as its role on AWS. Each consumer keeps its own checkpoint, as two
 * mappings on one stream each keep their own position: the mailer and the case starter
 * read the same records independently. Reading the stream is background work (ADR 0042).
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams'
import { join } from 'node:path'
import type { StreamConsumerSettings } from '../../../functions/triggers/stream-settings'
import { storeCallsAreBackground } from '../foreground'
import { runAsFunction } from '../iam/function-context'
import { openCheckpointFile } from './checkpoint-file'
import { compileFilterPattern } from './filter-pattern'
import { startStreamPoller } from './stream-poller'
import type { StreamDeadLetter, StreamHandler, StreamPoller } from './stream-poller-types'

export interface LocalStreamConsumerOptions {
  /** The function's name in the access table: its grants hold the handler, as its role on AWS. */
  functionName: string
  handler: StreamHandler
  /** The mapping's batch size, retries, record age and filter (records it refuses never reach the handler). */
  settings: StreamConsumerSettings
  dataDir: string
  dynamodbEndpoint: string
  tableName: string
  /** The table's stream, when the caller has just described the table (a warm start asks once). */
  streamArn?: string
  /** The checkpoint's file under `DATA_DIR/streams` (without `.json`); the table and function by default. */
  checkpointName?: string
  intervalMs: number
  /** Backoff of a failed batch on the project clock (shorter than AWS's: tests wait for it). */
  retry: { baseMs: number; maxMs: number }
  /** Fewer retries before a failed batch goes to `onFailure` than the settings' (a test's). */
  maxRetryAttempts?: number
  /** The on-failure destination (AWS: the mapping's SQS dead-letter queue). */
  onFailure: (deadLetter: StreamDeadLetter) => Promise<void>
}

const local = (endpoint: string) => ({
  region: 'ap-southeast-3',
  endpoint,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
})

const describedStreamArn = async (endpoint: string, tableName: string): Promise<string | undefined> => {
  const dynamodb = new DynamoDBClient(local(endpoint))
  const { Table } = await dynamodb
    .send(new DescribeTableCommand({ TableName: tableName }))
    .finally(() => dynamodb.destroy())
  return Table?.LatestStreamArn
}

export const startLocalStreamConsumer = async (
  options: LocalStreamConsumerOptions,
): Promise<StreamPoller> => {
  const streamArn =
    options.streamArn ?? (await describedStreamArn(options.dynamodbEndpoint, options.tableName))
  if (!streamArn)
    throw new Error(`table ${options.tableName} has no stream: ${options.functionName} cannot read it`)
  const { batchSize, retries, filter } = options.settings
  const matches = compileFilterPattern(filter)
  const client = new DynamoDBStreamsClient(local(options.dynamodbEndpoint))
  // Lambda's event source mapping polls from elsewhere: locally a background store call (ADR 0042).
  storeCallsAreBackground(client)
  const checkpointName = options.checkpointName ?? `${options.tableName}.${options.functionName}`
  const poller = startStreamPoller({
    client,
    streamArn,
    handler: (event) => runAsFunction(options.functionName, () => options.handler(event)),
    filter: matches,
    checkpoints: openCheckpointFile(join(options.dataDir, 'streams', `${checkpointName}.json`)),
    batchSize,
    intervalMs: options.intervalMs,
    retry: options.retry,
    maxRetryAttempts: options.maxRetryAttempts ?? retries.attempts,
    maxRecordAgeMs: retries.maxRecordAgeHours * 3_600_000,
    onFailure: options.onFailure,
  })
  return {
    drain: poller.drain,
    nudge: poller.nudge,
    stop: async () => {
      await poller.stop()
      client.destroy()
    },
  }
}
