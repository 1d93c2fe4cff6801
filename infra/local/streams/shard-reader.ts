/**
 * Reads a stream's shards as Lambda's mapping does: the shard list described again when it
 * may have changed, each shard read from its checkpoint to its end with an iterator kept
 * between passes, its records handed over as they come.
 */
import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams'
import type { HandOver } from './batch-handover'
import type { PollerState } from './poller-state'
import type { StreamPollerOptions } from './stream-poller-types'

/** The shard list is described again at least this often (shards closing are seen at once). */
const DEFAULT_DESCRIBE_MS = 30_000
/**
 * GetRecords' page size. DynamoDB Local answers every record it has up to this many, whatever
 * their size: a shorter page ends the shard as it was when read (ADR 0049).
 */
const PAGE_LIMIT = 1000

const listShards = async (client: DynamoDBStreamsClient, streamArn: string): Promise<Shard[]> => {
  const shards: Shard[] = []
  let start: string | undefined
  do {
    const { StreamDescription } = await client.send(
      new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }),
    )
    shards.push(...(StreamDescription?.Shards ?? []))
    start = StreamDescription?.LastEvaluatedShardId
  } while (start)
  return shards
}

export interface ShardReader {
  shardsToRead: () => Promise<Shard[]>
  readShard: (shardId: string) => Promise<number>
  /** The shards may have changed (a shard closed, a read failed): describe the stream again before the next read. */
  forgetShards: () => void
  /** The shard list was forgotten since it was last described. */
  shardsForgotten: () => boolean
}

export const shardReader = (
  options: StreamPollerOptions,
  handOver: HandOver,
  state: PollerState,
): ShardReader => {
  const { client, streamArn, checkpoints } = options
  /**
   * Per open shard, the iterator that goes on from its checkpoint: kept between passes, as
   * Lambda's mapping keeps its position per shard, so a pass costs one GetRecords per shard
   * instead of a fresh iterator each time. Only put back while it agrees with the checkpoint.
   */
  const iterators = new Map<string, string>()
  /** The stream's shards as last described; described again when a shard closes, a read fails, or it is old. */
  let shardList: { shards: Shard[]; listedAt: number } | undefined
  const describeEveryMs = options.describeIntervalMs ?? DEFAULT_DESCRIBE_MS

  const shardsToRead = async (): Promise<Shard[]> => {
    if (!shardList || Date.now() - shardList.listedAt >= describeEveryMs)
      shardList = { shards: await listShards(client, streamArn), listedAt: Date.now() }
    return shardList.shards
  }

  const freshIterator = async (shardId: string): Promise<string | undefined> => {
    const after = checkpoints.get(shardId)
    const answer = await client.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(after
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    )
    return answer.ShardIterator
  }

  /** The first page from the shard's kept iterator; one that expired is replaced from the checkpoint. */
  const firstPage = async (shardId: string) => {
    const kept = iterators.get(shardId)
    iterators.delete(shardId)
    if (kept) {
      try {
        return await client.send(new GetRecordsCommand({ ShardIterator: kept, Limit: PAGE_LIMIT }))
      } catch (error) {
        if (!(error instanceof ExpiredIteratorException)) throw error
      }
    }
    const iterator = await freshIterator(shardId)
    return iterator
      ? client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: PAGE_LIMIT }))
      : undefined
  }

  /** One shard from its checkpoint to its end; the number of records handed over, or -1 on a failure. */
  const readShard = async (shardId: string): Promise<number> => {
    let page = await firstPage(shardId)
    let handed = 0
    while (page && !state.stopped) {
      const records = page.Records ?? []
      const result = await handOver(shardId, records)
      handed += result.handed
      // The checkpoint went back to the failed record: the next read starts there, from a fresh iterator.
      if (!result.ok) return -1
      const next = page.NextShardIterator
      if (!next) {
        checkpoints.close(shardId)
        // A closed shard has children to read: describe the stream again.
        shardList = undefined
        return handed
      }
      // Records handed over make this pass busy, so another pass reads on from here anyway:
      // it need not read the (likely empty) next page now. A short page was the shard's end:
      // a pass that found only records its filter drops (session touches, rate-limit counters) is
      // quiet without asking for the empty page after them.
      if (records.length < PAGE_LIMIT || handed > 0) {
        iterators.set(shardId, next)
        return handed
      }
      page = await client.send(new GetRecordsCommand({ ShardIterator: next, Limit: PAGE_LIMIT }))
    }
    return handed
  }

  return {
    shardsToRead,
    readShard,
    forgetShards: () => {
      shardList = undefined
    },
    shardsForgotten: () => shardList === undefined,
  }
}
