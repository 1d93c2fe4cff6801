/** One pass of the stream poller over every shard of the stream (stream-poller.ts). */
import { ExpiredIteratorException, TrimmedDataAccessException } from '@aws-sdk/client-dynamodb-streams'
import { nowMs } from '../../../functions/shared/clock'
import { backgroundTurn } from '../foreground'
import type { PollerState } from './poller-state'
import type { ShardReader } from './shard-reader'
import type { StreamPollerOptions } from './stream-poller-types'

/**
 * What a pass found: `quiet`, the stream read to its end; `retrying`, nothing handed over and
 * nothing read on, only shards waiting for a retry (or failing their retry in this pass); `busy`,
 * records handed over, a shard closed or the read failed: another pass has more to read.
 */
export type PassOutcome = 'quiet' | 'retrying' | 'busy'

/** One pass over every open shard (parents first). */
export const streamPass = (
  options: StreamPollerOptions,
  reader: ShardReader,
  state: PollerState,
): (() => Promise<PassOutcome>) => {
  const { checkpoints } = options
  const retry = options.retry ?? { baseMs: 100, maxMs: 5_000 }
  return async (): Promise<PassOutcome> => {
    // Lambda's event source mapping polls from elsewhere; locally it waits while an API request is in flight (ADR 0042).
    await backgroundTurn()
    let quiet = true
    let movedOn = false
    const shards = await reader.shardsToRead()
    const present = new Set(shards.map((shard) => shard.ShardId))
    for (const shard of shards) {
      if (state.stopped) return 'busy'
      const shardId = shard.ShardId ?? ''
      if (checkpoints.isClosed(shardId)) continue
      // A child waits until its parent is read to its end: records keep their order.
      const parent = shard.ParentShardId
      if (parent && present.has(parent) && !checkpoints.isClosed(parent)) continue
      const waiting = state.backoff.get(shardId)
      if (waiting && waiting.retryAt > nowMs()) {
        quiet = false
        continue
      }
      let handed: number
      state.tries += 1
      const triedAs = state.tries
      const checkpointBefore = checkpoints.get(shardId)
      try {
        handed = await reader.readShard(shardId)
      } catch (error) {
        // A read that failed may mean the shards changed: describe the stream again next pass.
        reader.forgetShards()
        if (!(error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException))
          throw error
        // The checkpoint fell out of the stream's retention: start over from what is left.
        checkpoints.set(shardId, undefined)
        handed = -1
      }
      if (handed < 0) {
        // A retry that got past the waiting record and failed on a later one is that record's
        // first failure: its batch gets its own retries and backoff, and a drain still owes it a retry.
        const sameRecord = checkpoints.get(shardId) === checkpointBefore
        const failures = (sameRecord ? (waiting?.failures ?? 0) : 0) + 1
        const delay = Math.min(retry.maxMs, retry.baseMs * 2 ** (failures - 1))
        state.backoff.set(shardId, {
          failures,
          failedAtMs: nowMs(),
          retryAt: nowMs() + delay,
          retriedAs: waiting && sameRecord ? triedAs : 0,
        })
        quiet = false
      } else {
        state.backoff.delete(shardId)
        if (handed > 0) movedOn = true
      }
    }
    await checkpoints.save()
    // A shard closed during the pass: its children may not be in the list it read.
    if (movedOn || reader.shardsForgotten()) return 'busy'
    return quiet ? 'quiet' : 'retrying'
  }
}
