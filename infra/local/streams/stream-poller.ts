/**
 * What Lambda's DynamoDB Streams event source mapping does, for the local platform (ADR
 * 0014): reads a table's stream from DynamoDB Local with the real DynamoDB Streams client,
 * drops the records the filter does not want, hands the rest to the handler in batches,
 * and honours its partial batch response: the checkpoint moves past what succeeded and
 * the first failed record is retried, with backoff on the project clock, until it
 * succeeds or its retries run out: then the failed records go to the on-failure
 * destination (the local dead letter, as the SQS queue on AWS) and the shard moves on. A
 * record older than the mapping's maximum age goes there without being handed over, as AWS
 * discards it. The checkpoint is saved only after a batch is handled, so a platform killed
 * mid-batch hands the whole batch again after a restart (the mailer skips what it had sent).
 */
import { batchHandover } from './batch-handover'
import { passSchedule } from './pass-schedule'
import { newPollerState } from './poller-state'
import { shardReader } from './shard-reader'
import { streamDrain } from './stream-drain'
import { streamPass } from './stream-pass'
import type { StreamPoller, StreamPollerOptions } from './stream-poller-types'

export const startStreamPoller = (options: StreamPollerOptions): StreamPoller => {
  const state = newPollerState()
  const reader = shardReader(options, batchHandover(options, state), state)
  const schedule = passSchedule(streamPass(options, reader, state), state, options)
  return { nudge: schedule.nudge, drain: streamDrain(schedule, state), stop: schedule.stop }
}
