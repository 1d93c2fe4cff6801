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
import { AsyncResource } from 'node:async_hooks'
import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
  type Shard,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams'
import type { AttributeValue, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda'
import { clockOffsetAt, nowMs } from '../../../functions/shared/clock'
import { logger } from '../../../functions/shared/logger'
import { backgroundTurn } from '../foreground'
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

/** A quiet stream is still read this often: writers the platform cannot see get their records handled. */
const DEFAULT_IDLE_MS = 2_000
/** The shard list is described again at least this often (shards closing are seen at once). */
const DEFAULT_DESCRIBE_MS = 30_000
/**
 * GetRecords' page size. DynamoDB Local answers every record it has up to this many, whatever
 * their size: a shorter page ends the shard as it was when read (ADR 0049).
 */
const PAGE_LIMIT = 1000
/** A nudge waits this long: a request's several writes share one pass. */
const NUDGE_DELAY_MS = 10
/**
 * DynamoDB Local stamps a record's ApproximateCreationDateTime rounded down to the minute
 * (three puts at 11:52:50-51 all read 11:52:00; AWS rounds down to the second).
 */
const CREATION_STAMP_GRAIN_MS = 60_000

/**
 * How old `record` was at `atMs` of the project clock (undefined when it carries no creation
 * time), counted from the latest instant it can have been written: the end of its stamp's
 * minute, or when the poller first read it (`firstReadAt`, wall clock) if that was earlier.
 * So the clock's moves since it was written age it (a record a failure held back), but not a
 * move before the poller first read it: AWS's mapping reads a record within a second, so a
 * record written just before a move (a test's mail) is no older for it, nor one written just
 * after it in the same minute.
 */
const ageOf = (record: DynamoDBRecord, firstReadAt: number, atMs: number): number | undefined => {
  const stamp = record.dynamodb?.ApproximateCreationDateTime
  if (stamp === undefined) return undefined
  const writtenBy = Math.min(stamp * 1000 + CREATION_STAMP_GRAIN_MS - 1, firstReadAt)
  return atMs - (writtenBy + clockOffsetAt(writtenBy))
}

/**
 * What a pass found: `quiet`, the stream read to its end; `retrying`, nothing handed over and
 * nothing read on, only shards waiting for a retry (or failing their retry in this pass); `busy`,
 * records handed over, a shard closed or the read failed: another pass has more to read.
 */
type PassOutcome = 'quiet' | 'retrying' | 'busy'

const sleep = (ms: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms))

/**
 * The promise's value, or `undefined` once `deadline` (epoch ms) has passed: a drain never
 * waits past its timeout, even behind a pass whose handler hangs (a held or unanswered
 * start), which would otherwise hold every dev clock move that drains first (ADR 0050).
 */
const beforeDeadline = async <T>(
  promise: Promise<T> | undefined,
  deadline: number,
): Promise<T | undefined> => {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<undefined>((resolveLate) => {
    timer = setTimeout(() => resolveLate(undefined), Math.max(0, deadline - Date.now()))
  })
  try {
    return await Promise.race([promise, late])
  } finally {
    clearTimeout(timer)
  }
}

/** The SDK's record in the shape Lambda delivers it (dates as epoch seconds, the stream's ARN). */
const toLambdaRecord = (record: _Record, streamArn: string): DynamoDBRecord => {
  const change = record.dynamodb
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion,
    eventSource: record.eventSource,
    awsRegion: record.awsRegion,
    eventSourceARN: streamArn,
    dynamodb: {
      ...(change?.ApproximateCreationDateTime
        ? { ApproximateCreationDateTime: Math.floor(change.ApproximateCreationDateTime.getTime() / 1000) }
        : {}),
      Keys: change?.Keys as Record<string, AttributeValue> | undefined,
      NewImage: change?.NewImage as Record<string, AttributeValue> | undefined,
      OldImage: change?.OldImage as Record<string, AttributeValue> | undefined,
      SequenceNumber: change?.SequenceNumber,
      SizeBytes: change?.SizeBytes,
      StreamViewType: change?.StreamViewType,
    },
  }
}

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

export const startStreamPoller = (options: StreamPollerOptions): StreamPoller => {
  const { client, streamArn, handler, filter, checkpoints } = options
  const batchSize = options.batchSize ?? 25
  const maxRecordAgeMs = options.maxRecordAgeMs ?? Infinity
  const retry = options.retry ?? { baseMs: 100, maxMs: 5_000 }
  /**
   * Per shard: consecutive failures, when (project clock) it failed last and may be tried
   * again, and the number of its last retry (0 before its first): `tries` numbers every shard
   * read as it starts, so a drain knows which retries began after it did.
   */
  const backoff = new Map<
    string,
    { failures: number; failedAtMs: number; retryAt: number; retriedAs: number }
  >()
  /** When each record of a failed batch was first read (wall clock), by shard and sequence number: `ageOf`. */
  const firstReads = new Map<string, number>()
  const readKey = (shardId: string, record: DynamoDBRecord) =>
    `${shardId} ${record.dynamodb?.SequenceNumber ?? ''}`
  let tries = 0
  let stopped = false
  let current: Promise<PassOutcome> | undefined

  /** Hands `records` over in batches; false when a batch failed (the checkpoint then stops before it). */
  const handleRecords = async (
    shardId: string,
    records: _Record[],
  ): Promise<{ ok: boolean; handed: number }> => {
    /** The try this is of the batch at hand: its retries are its own, counted afresh once the shard moves on. */
    let attempts = (backoff.get(shardId)?.failures ?? 0) + 1
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
    let judgedAt = backoff.get(shardId)?.failedAtMs
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
      backoff.delete(shardId)
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
      if (stopped) return { ok: false, handed }
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
    while (page && !stopped) {
      const records = page.Records ?? []
      const result = await handleRecords(shardId, records)
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

  /** One pass over every open shard (parents first). */
  const pass = async (): Promise<PassOutcome> => {
    // Lambda's event source mapping polls from elsewhere; locally it waits while an API request is in flight (ADR 0042).
    await backgroundTurn()
    let quiet = true
    let movedOn = false
    const shards = await shardsToRead()
    const present = new Set(shards.map((shard) => shard.ShardId))
    for (const shard of shards) {
      if (stopped) return 'busy'
      const shardId = shard.ShardId ?? ''
      if (checkpoints.isClosed(shardId)) continue
      // A child waits until its parent is read to its end: records keep their order.
      const parent = shard.ParentShardId
      if (parent && present.has(parent) && !checkpoints.isClosed(parent)) continue
      const waiting = backoff.get(shardId)
      if (waiting && waiting.retryAt > nowMs()) {
        quiet = false
        continue
      }
      let handed: number
      tries += 1
      const triedAs = tries
      const checkpointBefore = checkpoints.get(shardId)
      try {
        handed = await readShard(shardId)
      } catch (error) {
        // A read that failed may mean the shards changed: describe the stream again next pass.
        shardList = undefined
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
        backoff.set(shardId, {
          failures,
          failedAtMs: nowMs(),
          retryAt: nowMs() + delay,
          retriedAs: waiting && sameRecord ? triedAs : 0,
        })
        quiet = false
      } else {
        backoff.delete(shardId)
        if (handed > 0) movedOn = true
      }
    }
    await checkpoints.save()
    // A shard closed during the pass: its children may not be in the list it read.
    if (movedOn || shardList === undefined) return 'busy'
    return quiet ? 'quiet' : 'retrying'
  }

  /** Nudges so far: a pass that began before the last one may have missed its write. */
  let writesSeen = 0
  /** When a quiet pass last ended with no write seen since it began (undefined: not yet). */
  let quietSince: number | undefined

  /** Passes never overlap: a drain and the interval share the running one. */
  const runPass = (): Promise<PassOutcome> => {
    const writesBefore = writesSeen
    current ??= pass()
      .then((outcome) => {
        // Quiet, and no write seen since the pass began: the stream is known to be read to its end.
        if (outcome === 'quiet' && writesSeen === writesBefore) quietSince = Date.now()
        return outcome
      })
      .catch((error: unknown): PassOutcome => {
        logger.error('reading the stream failed', { error: error as Error })
        return 'busy'
      })
      .finally(() => {
        current = undefined
      })
    return current
  }

  const busyMs = options.intervalMs ?? 250
  const idleMs = Math.max(busyMs, options.idleIntervalMs ?? DEFAULT_IDLE_MS)
  /**
   * Nothing was written since the stream was last read to its end, not long ago: a drain
   * has nothing to read (tests drain before every outbox read, several times a second).
   * Writers the platform does not see are read by a drain at most the idle interval late.
   */
  const knownQuiet = (): boolean =>
    quietSince !== undefined && backoff.size === 0 && Date.now() - quietSince < idleMs

  // One pending timer at a time: every 200 ms while there is work, slowly while the stream
  // is quiet (each pass is one GetRecords per shard now that iterators are kept).
  let timer: NodeJS.Timeout | undefined
  let dueAt = Infinity
  /** A write was seen since the running pass started: it may have missed it. */
  let nudged = false
  let lastTickAt = 0
  // Passes run in the poller's own async context, not in that of the request whose write
  // nudged it: a nudged timer would otherwise carry the request's context into every later
  // pass (its log keys, and foreground.ts would count the mailer's calls as the request's).
  const ownContext = new AsyncResource('StreamPoller')
  const scheduleIn = (ms: number): void => {
    if (stopped || Date.now() + ms >= dueAt) return
    clearTimeout(timer)
    dueAt = Date.now() + ms
    timer = setTimeout(() => ownContext.runInAsyncScope(() => void tick()), ms)
    timer.unref()
  }
  const tick = async (): Promise<void> => {
    timer = undefined
    dueAt = Infinity
    // A pass already running may have read the shard before the write that woke us.
    await current
    if (stopped) return
    // A pass that began after the last write (a drain's) already read the stream to its end.
    if (knownQuiet()) {
      scheduleIn(idleMs - (Date.now() - (quietSince ?? 0)))
      return
    }
    nudged = false
    lastTickAt = Date.now()
    const quiet = (await runPass()) === 'quiet'
    scheduleIn(quiet && !nudged ? idleMs : busyMs)
  }
  scheduleIn(busyMs)

  return {
    nudge: () => {
      nudged = true
      writesSeen += 1
      quietSince = undefined
      // Never more often than a busy stream is read: a burst of writes costs no more passes.
      scheduleIn(Math.max(NUDGE_DELAY_MS, lastTickAt + busyMs / 2 - Date.now()))
    },
    drain: async (timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs
      // A try already under way when the drain began may have read the shard before the last write.
      const triedBefore = tries
      while (!stopped && Date.now() < deadline) {
        await beforeDeadline(current, deadline)
        if (knownQuiet()) return true
        const outcome = await beforeDeadline(runPass(), deadline)
        if (outcome === undefined) return false
        if (outcome === 'quiet') return true
        // Every shard that waits has had a retry since the drain began, and it failed again: the
        // next try waits for something outside the stream (a throttle that ends, a clock moved
        // on), which a drain that waited until its timeout would not see end either. A batch
        // that failed for the first time during the drain still gets its one retry.
        const retried = [...backoff.values()].every((entry) => entry.retriedAs > triedBefore)
        if (outcome === 'retrying' && retried) return false
        // Retries are due on the project clock; a clock moved forward makes them due at once.
        const next = Math.min(...[...backoff.values()].map((entry) => entry.retryAt - nowMs()), 20)
        await sleep(Math.max(0, Math.min(next, deadline - Date.now())))
      }
      return false
    },
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      await current
    },
  }
}
