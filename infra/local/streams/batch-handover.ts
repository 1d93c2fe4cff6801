/**
 * The batch and retry policy of the mapping: records the filter keeps are handed over in
 * batches; the checkpoint moves past what succeeded, a failed batch is tried again until its
 * retries run out, and records too old or out of retries go to the on-failure destination.
 */
import type { _Record } from '@aws-sdk/client-dynamodb-streams'
import type { DynamoDBRecord } from 'aws-lambda'
import { nowMs } from '../../../functions/shared/clock'
import { logger } from '../../../functions/shared/logger'
import { toLambdaRecord } from './lambda-record'
import type { PollerState } from './poller-state'
import { ageOf } from './record-age'
import type { StreamDeadLetter, StreamPollerOptions } from './stream-poller-types'

export type HandOver = (shardId: string, records: _Record[]) => Promise<{ ok: boolean; handed: number }>

export const batchHandover = (options: StreamPollerOptions, state: PollerState): HandOver => {
  const { streamArn, handler, filter, checkpoints } = options
  const batchSize = options.batchSize ?? 25
  const maxRecordAgeMs = options.maxRecordAgeMs ?? Infinity
  /** When each record of a failed batch was first read (wall clock), by shard and sequence number: `ageOf`. */
  const firstReads = new Map<string, number>()
  const readKey = (shardId: string, record: DynamoDBRecord) =>
    `${shardId} ${record.dynamodb?.SequenceNumber ?? ''}`

  /** Hands `records` over in batches; false when a batch failed (the checkpoint then stops before it). */
  return async (shardId: string, records: _Record[]): Promise<{ ok: boolean; handed: number }> => {
    /** The try this is of the batch at hand: its retries are its own, counted afresh once the shard moves on. */
    let attempts = (state.backoff.get(shardId)?.failures ?? 0) + 1
    /**
     * A held shard's records are given up when they were past the maximum age at its last
     * failed try, not now: AWS's mapping retries a held batch many times over the hours a clock
     * move stands for, and the handler's own time limit (the mailer's five hours, under the
     * mapping's six) acts on a try before the age does. So a held record gets one try after a
     * move, as it would have had one just short of its age. The records queued behind it are
     * judged at that same moment until a give-up: on AWS they follow the held batch at once,
     * so their fate must not hang on whether DynamoDB Local's minute stamp of them had ended
     * before the move.
     */
    let judgedAt = state.backoff.get(shardId)?.failedAtMs
    let handed = 0
    let batch: { record: DynamoDBRecord; before: string | undefined; firstReadAt: number }[] = []
    let lastSeen = checkpoints.get(shardId)
    /** `done` was handled or given up: the first reads kept for its failures are forgotten. */
    const forget = (done: typeof batch) => {
      if (firstReads.size > 0) for (const entry of done) firstReads.delete(readKey(shardId, entry.record))
    }
    /** The on-failure destination gets `given` (AWS's batch info, with the records' keys); the shard's retries start over. */
    const giveUp = async (
      given: typeof batch,
      condition: StreamDeadLetter['condition'],
      handedOver: number,
    ): Promise<void> => {
      await options.onFailure?.({
        condition,
        shardId,
        startSequenceNumber: given[0]?.record.dynamodb?.SequenceNumber ?? '',
        endSequenceNumber: given.at(-1)?.record.dynamodb?.SequenceNumber ?? '',
        batchSize: given.length,
        attempts: handedOver,
        keys: given.map((entry) => entry.record.dynamodb?.Keys ?? {}),
      })
      forget(given)
      state.backoff.delete(shardId)
      attempts = 1
      judgedAt = undefined
    }
    const flush = async (): Promise<boolean> => {
      // Records past the maximum age (the first ones: the stream is in order) are given up unread.
      const at = judgedAt ?? nowMs()
      const expired =
        batch.findLastIndex((entry) => (ageOf(entry.record, entry.firstReadAt, at) ?? 0) > maxRecordAgeMs) + 1
      if (expired > 0) {
        await giveUp(batch.slice(0, expired), 'RecordAgeExceeded', attempts - 1)
        batch = batch.slice(expired)
      }
      if (batch.length === 0) {
        checkpoints.set(shardId, lastSeen)
        return true
      }
      handed += batch.length
      let failedAt: number
      try {
        const response = await handler({ Records: batch.map((entry) => entry.record) })
        const failed = new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier))
        failedAt = batch.findIndex((entry) => failed.has(entry.record.dynamodb?.SequenceNumber ?? ''))
      } catch (error) {
        // A handler that throws failed the whole batch, as a Lambda error does.
        logger.warn('stream handler failed its batch', { error: error as Error })
        failedAt = 0
      }
      if (failedAt >= 0) {
        const failed = batch.slice(failedAt)
        forget(batch.slice(0, failedAt))
        batch = []
        if (!options.onFailure || attempts <= (options.maxRetryAttempts ?? Infinity)) {
          for (const entry of failed) firstReads.set(readKey(shardId, entry.record), entry.firstReadAt)
          checkpoints.set(shardId, failed[0]?.before)
          return false
        }
        // Out of retries: the failed records go to the dead letter and the shard moves past them.
        await giveUp(failed, 'RetryAttemptsExhausted', attempts)
      } else {
        forget(batch)
        attempts = 1
      }
      checkpoints.set(shardId, lastSeen)
      batch = []
      return true
    }
    for (const raw of records) {
      if (state.stopped) return { ok: false, handed }
      const record = toLambdaRecord(raw, streamArn)
      const before = lastSeen
      lastSeen = raw.dynamodb?.SequenceNumber
      if (!filter(record)) continue
      const firstReadAt = firstReads.get(readKey(shardId, record)) ?? Date.now()
      batch.push({ record, before, firstReadAt })
      if (batch.length >= batchSize && !(await flush())) return { ok: false, handed }
    }
    return { ok: await flush(), handed }
  }
}
