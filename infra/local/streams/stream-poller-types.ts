/** The local stream mapping's handler, settings, dead letters and handle (stream-poller.ts). */
import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams'
import type { AttributeValue, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda'
import type { CheckpointFile } from './checkpoint-file'

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>

/** What the mapping sends its on-failure destination (AWS's `DDBStreamBatchInfo`, with the records' keys). */
export interface StreamDeadLetter {
  /** Why the mapping gave the records up (AWS's `requestContext.condition`). */
  condition: 'RetryAttemptsExhausted' | 'RecordAgeExceeded'
  shardId: string
  startSequenceNumber: string
  endSequenceNumber: string
  batchSize: number
  /** How many times the batch was handed over before the mapping gave up. */
  attempts: number
  keys: Record<string, AttributeValue>[]
}

export interface StreamPollerOptions {
  client: DynamoDBStreamsClient
  streamArn: string
  handler: StreamHandler
  /** The event source mapping's filter: records it refuses never reach the handler. */
  filter: (record: DynamoDBRecord) => boolean
  checkpoints: CheckpointFile
  batchSize?: number
  /** How often the stream is read while it has work (records handed over, retries waiting). */
  intervalMs?: number
  /**
   * How often a quiet stream is read when nobody nudges: a fallback for writers the platform
   * does not see (a test's own client, the seed). Handlers' writes nudge a pass at once.
   */
  idleIntervalMs?: number
  /** How often the stream is described even when no shard closed (a new shard seen this late at worst). */
  describeIntervalMs?: number
  /** Backoff of a failed batch: doubles from `baseMs` up to `maxMs` (of the project clock). */
  retry?: { baseMs: number; maxMs: number }
  /** The mapping's `retryAttempts`: after this many retries a failed batch goes to `onFailure`. */
  maxRetryAttempts?: number
  /** The mapping's `maxRecordAge` (ms of the project clock): an older record goes to `onFailure`, not to the handler. */
  maxRecordAgeMs?: number
  /** The on-failure destination; the shard goes on after it (AWS: the SQS dead-letter queue). */
  onFailure?: (deadLetter: StreamDeadLetter) => Promise<void>
}

export interface StreamPoller {
  /**
   * Reads the stream until a pass finds nothing to hand over and every retry waiting when the
   * drain began (or failing during it) was tried since: true when the stream was read to its
   * end, false when a retry still waits (it failed again) or the timeout passed.
   */
  drain: (timeoutMs?: number) => Promise<boolean>
  /** The table was written: read the stream soon (as Lambda's mapping would) instead of at the idle fallback. */
  nudge: () => void
  stop: () => Promise<void>
}
