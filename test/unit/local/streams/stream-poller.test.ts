import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams'
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { advanceClock, clockOffsetMs, setClockOffsetMs } from '../../../../functions/shared/clock'
import type { CheckpointFile } from '../../../../infra/local/streams/checkpoint-file'
import { asForeground, isForeground } from '../../../../infra/local/foreground'
import { startStreamPoller } from '../../../../infra/local/streams/stream-poller'
import type { StreamDeadLetter } from '../../../../infra/local/streams/stream-poller-types'

/**
 * One open shard whose records are whatever the test appended. Counts every call by
 * command; a pass reads its one shard at least once, so GetRecords counts the passes.
 * An iterator is `<generation>:<position>`; `expireIterators` makes the ones handed out so far
 * expire, as AWS's do after 15 minutes. Each record is stamped with its creation time (by
 * default now, on the wall clock), as DynamoDB Local stamps it.
 */
const fakeStream = () => {
  const records: _Record[] = []
  const calls = { DescribeStream: 0, GetShardIterator: 0, GetRecords: 0 }
  let generation = 0
  const client = {
    send: async (command: unknown) => {
      if (command instanceof DescribeStreamCommand) {
        calls.DescribeStream += 1
        return { StreamDescription: { Shards: [{ ShardId: 'shard-1' }] } }
      }
      if (command instanceof GetShardIteratorCommand) {
        calls.GetShardIterator += 1
        const after = command.input.SequenceNumber
        return { ShardIterator: `${generation}:${after === undefined ? 0 : Number(after)}` }
      }
      if (command instanceof GetRecordsCommand) {
        calls.GetRecords += 1
        const [issuedIn, position = 0] = (command.input.ShardIterator ?? '').split(':').map(Number)
        if (issuedIn !== generation)
          throw new ExpiredIteratorException({ message: 'Iterator expired', $metadata: {} })
        // Up to the limit, as DynamoDB Local answers: a shorter page is the shard's end.
        const page = records.slice(position, position + (command.input.Limit ?? 1000))
        return { Records: page, NextShardIterator: `${generation}:${position + page.length}` }
      }
      throw new Error('unexpected command')
    },
  } as unknown as DynamoDBStreamsClient
  const append = (createdAt = new Date()) =>
    records.push({
      eventName: 'INSERT',
      dynamodb: {
        SequenceNumber: String(records.length + 1),
        Keys: { pk: { S: `ITEM#${records.length + 1}` } },
        ApproximateCreationDateTime: createdAt,
      },
    })
  return {
    client,
    append,
    calls,
    passes: () => calls.GetRecords,
    expireIterators: () => void (generation += 1),
  }
}

/** A write of the fake stream that the poller is told about, as the write-nudge middleware tells it. */
const writeWithNudge = (stream: ReturnType<typeof fakeStream>, poller: { nudge: () => void }): void => {
  stream.append()
  poller.nudge()
}

const memoryCheckpoints = (): CheckpointFile => {
  const positions = new Map<string, string | undefined>()
  const closed = new Set<string>()
  return {
    get: (shardId) => positions.get(shardId),
    set: (shardId, sequence) => void positions.set(shardId, sequence),
    close: (shardId) => void closed.add(shardId),
    isClosed: (shardId) => closed.has(shardId),
    save: async () => undefined,
  }
}

/**
 * A shard that closes after its one record, and its child, which the stream's description
 * lists only once the parent has closed (as a shard rolls over on AWS).
 */
const rollingStream = () => {
  const calls = { DescribeStream: 0 }
  let parentClosed = false
  const client = {
    send: async (command: unknown) => {
      if (command instanceof DescribeStreamCommand) {
        calls.DescribeStream += 1
        const child = { ShardId: 'shard-2', ParentShardId: 'shard-1' }
        return { StreamDescription: { Shards: [{ ShardId: 'shard-1' }, ...(parentClosed ? [child] : [])] } }
      }
      if (command instanceof GetShardIteratorCommand) return { ShardIterator: command.input.ShardId }
      if (command instanceof GetRecordsCommand) {
        if (command.input.ShardIterator === 'shard-1') {
          parentClosed = true
          return { Records: [{ eventName: 'INSERT', dynamodb: { SequenceNumber: '1' } }] }
        }
        if (command.input.ShardIterator === 'end') return { Records: [], NextShardIterator: 'end' }
        return {
          Records: [{ eventName: 'INSERT', dynamodb: { SequenceNumber: '2' } }],
          NextShardIterator: 'end',
        }
      }
      throw new Error('unexpected command')
    },
  } as unknown as DynamoDBStreamsClient
  return { client, calls }
}

const sequences = (handled: DynamoDBStreamEvent[]) =>
  handled.map((event) => event.Records.map((record) => record.dynamodb?.SequenceNumber))

/** A poller of `stream` that records every event it hands over in `handled`; the mapping's settings as given. */
const start = (
  stream: ReturnType<typeof fakeStream>,
  handled: DynamoDBStreamEvent[],
  {
    intervalMs = 200,
    idleIntervalMs = 2_000,
    describeIntervalMs = 30_000,
    batchSize = 25,
    onEvent = (): void | Promise<void> => undefined,
    filter = (_record: DynamoDBRecord): boolean => true,
    retry = undefined as { baseMs: number; maxMs: number } | undefined,
    maxRetryAttempts = undefined as number | undefined,
    maxRecordAgeMs = undefined as number | undefined,
    onFailure = undefined as ((deadLetter: StreamDeadLetter) => Promise<void>) | undefined,
  } = {},
) =>
  startStreamPoller({
    client: stream.client,
    streamArn: 'arn:stream',
    handler: async (event) => {
      handled.push(event)
      await onEvent()
    },
    filter,
    checkpoints: memoryCheckpoints(),
    batchSize,
    intervalMs,
    idleIntervalMs,
    describeIntervalMs,
    retry,
    maxRetryAttempts,
    maxRecordAgeMs,
    onFailure,
  })

describe('the local stream poller', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('reads a quiet stream only at its idle fallback, not five times a second', async () => {
    const stream = fakeStream()
    const poller = start(stream, [])
    await vi.advanceTimersByTimeAsync(10_000)
    expect(stream.passes()).toBeGreaterThanOrEqual(5)
    expect(stream.passes()).toBeLessThanOrEqual(7)
    await poller.stop()
  })

  it('hands a record over right after a nudge, well before the idle fallback', async () => {
    const stream = fakeStream()
    const handled: DynamoDBStreamEvent[] = []
    const poller = start(stream, handled)
    await vi.advanceTimersByTimeAsync(500)
    writeWithNudge(stream, poller)
    await vi.advanceTimersByTimeAsync(120)
    expect(handled.flatMap((event) => event.Records.map((r) => r.dynamodb?.SequenceNumber))).toEqual(['1'])
    await poller.stop()
  })

  it('runs a pass nudged from inside an API request outside that request (the mailer waits its turn)', async () => {
    // Real timers: fake ones call back without the async context this is about.
    vi.useRealTimers()
    const stream = fakeStream()
    const seenForeground: boolean[] = []
    const poller = start(stream, [], {
      intervalMs: 20,
      idleIntervalMs: 100,
      onEvent: () => void seenForeground.push(isForeground()),
    })
    await asForeground(async () => {
      writeWithNudge(stream, poller)
    })
    await vi.waitFor(() => expect(seenForeground).toHaveLength(1))
    stream.append()
    await vi.waitFor(() => expect(seenForeground).toHaveLength(2))
    expect(seenForeground).toEqual([false, false])
    await poller.stop()
  })

  it('still hands over a record nobody nudged for, at the idle fallback', async () => {
    const stream = fakeStream()
    const handled: DynamoDBStreamEvent[] = []
    const poller = start(stream, handled)
    await vi.advanceTimersByTimeAsync(500)
    stream.append()
    await vi.advanceTimersByTimeAsync(2_000)
    expect(handled).toHaveLength(1)
    await poller.stop()
  })

  it('reads a stream that had work again at the busy interval', async () => {
    const stream = fakeStream()
    const poller = start(stream, [])
    await vi.advanceTimersByTimeAsync(500)
    writeWithNudge(stream, poller)
    await vi.advanceTimersByTimeAsync(120)
    const afterNudge = stream.passes()
    await vi.advanceTimersByTimeAsync(200)
    expect(stream.passes()).toBe(afterNudge + 1)
    await poller.stop()
  })

  it('answers a drain without reading when nothing was written since the stream was last read to its end', async () => {
    const stream = fakeStream()
    const poller = start(stream, [])
    await vi.advanceTimersByTimeAsync(300)
    const read = stream.passes()
    expect(await poller.drain()).toBe(true)
    expect(stream.passes()).toBe(read)
    await poller.stop()
  })

  it('reads the stream in a drain after a write was seen', async () => {
    const stream = fakeStream()
    const handled: DynamoDBStreamEvent[] = []
    const poller = start(stream, handled)
    await vi.advanceTimersByTimeAsync(300)
    writeWithNudge(stream, poller)
    const drained = poller.drain()
    await vi.advanceTimersByTimeAsync(100)
    expect(await drained).toBe(true)
    expect(handled).toHaveLength(1)
    await poller.stop()
  })

  it('reads the stream in a drain once the last full read is older than the idle interval', async () => {
    const stream = fakeStream()
    const handled: DynamoDBStreamEvent[] = []
    const poller = start(stream, handled)
    await vi.advanceTimersByTimeAsync(300)
    stream.append()
    vi.setSystemTime(Date.now() + 2_000)
    const drained = poller.drain()
    await vi.advanceTimersByTimeAsync(100)
    expect(await drained).toBe(true)
    expect(handled).toHaveLength(1)
    await poller.stop()
  })

  it('keeps its place in the shard between passes: one description and one iterator for many passes', async () => {
    const stream = fakeStream()
    const handled: DynamoDBStreamEvent[] = []
    const poller = start(stream, handled)
    await vi.advanceTimersByTimeAsync(300)
    for (let write = 0; write < 5; write += 1) {
      writeWithNudge(stream, poller)
      await vi.advanceTimersByTimeAsync(300)
    }
    expect(sequences(handled)).toEqual([['1'], ['2'], ['3'], ['4'], ['5']])
    expect(stream.passes()).toBeGreaterThanOrEqual(10)
    expect(stream.calls.DescribeStream).toBe(1)
    expect(stream.calls.GetShardIterator).toBe(1)
    await poller.stop()
  })

  it('calls a stream of records its filter drops quiet after one read, without asking for the empty page after them', async () => {
    const stream = fakeStream()
    const handled: DynamoDBStreamEvent[] = []
    const poller = start(stream, handled, { filter: () => false })
    await vi.advanceTimersByTimeAsync(300)
    for (let write = 0; write < 3; write += 1) writeWithNudge(stream, poller)
    const before = stream.passes()
    const drained = poller.drain()
    await vi.advanceTimersByTimeAsync(100)
    expect(await drained).toBe(true)
    expect(stream.calls.GetRecords).toBe(before + 1)
    expect(handled).toEqual([])
    await poller.stop()
  })

  it('reads on past a full page of records its filter drops to the records it wants, in the same pass', async () => {
    const stream = fakeStream()
    const handled: DynamoDBStreamEvent[] = []
    const wanted = (record: DynamoDBRecord) => Number(record.dynamodb?.SequenceNumber) > 1000
    const poller = start(stream, handled, { filter: wanted, batchSize: 1000 })
    await vi.advanceTimersByTimeAsync(300)
    for (let write = 0; write < 1002; write += 1) stream.append()
    poller.nudge()
    const before = stream.passes()
    await vi.advanceTimersByTimeAsync(20)
    expect(sequences(handled)).toEqual([['1001', '1002']])
    expect(stream.calls.GetRecords).toBe(before + 2)
    await poller.stop()
  })

  it('reads a failed batch again from its checkpoint, with a fresh iterator', async () => {
    const stream = fakeStream()
    const handled: DynamoDBStreamEvent[] = []
    const poller = start(stream, handled, {
      onEvent: () => {
        if (handled.length === 1) throw new Error('SES throttled')
      },
    })
    await vi.advanceTimersByTimeAsync(300)
    writeWithNudge(stream, poller)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(sequences(handled)).toEqual([['1'], ['1']])
    expect(stream.calls.GetShardIterator).toBe(2)
    await poller.stop()
  })

  it('replaces an expired iterator from the checkpoint, losing and repeating no record', async () => {
    const stream = fakeStream()
    const handled: DynamoDBStreamEvent[] = []
    const poller = start(stream, handled)
    await vi.advanceTimersByTimeAsync(300)
    writeWithNudge(stream, poller)
    await vi.advanceTimersByTimeAsync(300)
    stream.expireIterators()
    writeWithNudge(stream, poller)
    await vi.advanceTimersByTimeAsync(300)
    expect(sequences(handled)).toEqual([['1'], ['2']])
    expect(stream.calls.GetShardIterator).toBe(2)
    await poller.stop()
  })

  it('describes a stream whose shards do not change again only at its slow interval', async () => {
    const stream = fakeStream()
    const poller = start(stream, [])
    await vi.advanceTimersByTimeAsync(29_000)
    expect(stream.passes()).toBeGreaterThanOrEqual(10)
    expect(stream.calls.DescribeStream).toBe(1)
    await vi.advanceTimersByTimeAsync(2_000)
    expect(stream.calls.DescribeStream).toBe(2)
    await poller.stop()
  })

  it('reads a burst of writes in one pass', async () => {
    const stream = fakeStream()
    const handled: DynamoDBStreamEvent[] = []
    const poller = start(stream, handled)
    await vi.advanceTimersByTimeAsync(300)
    const before = stream.passes()
    for (let write = 0; write < 5; write += 1) {
      writeWithNudge(stream, poller)
    }
    await vi.advanceTimersByTimeAsync(120)
    expect(stream.passes()).toBe(before + 1)
    expect(sequences(handled)).toEqual([['1', '2', '3', '4', '5']])
    await poller.stop()
  })

  it('makes one more pass for the writes made during a pass, not one per write', async () => {
    const stream = fakeStream()
    const handled: DynamoDBStreamEvent[] = []
    const poller = start(stream, handled, {
      onEvent: () => {
        if (handled.length > 1) return
        for (let write = 0; write < 3; write += 1) {
          writeWithNudge(stream, poller)
        }
      },
    })
    await vi.advanceTimersByTimeAsync(300)
    const before = stream.passes()
    writeWithNudge(stream, poller)
    await vi.advanceTimersByTimeAsync(1_000)
    // The nudged pass, one more for the handler's three writes, one at the busy interval that finds the stream quiet.
    expect(stream.passes()).toBe(before + 3)
    expect(sequences(handled)).toEqual([['1'], ['2', '3', '4']])
    await poller.stop()
  })

  it('spares the nudged pass when a drain read the stream to its end after the write', async () => {
    const stream = fakeStream()
    const handled: DynamoDBStreamEvent[] = []
    const poller = start(stream, handled)
    await vi.advanceTimersByTimeAsync(210)
    writeWithNudge(stream, poller)
    const drained = poller.drain()
    await vi.advanceTimersByTimeAsync(800)
    expect(await drained).toBe(true)
    expect(sequences(handled)).toEqual([['1']])
    // The first pass, then the drain's: one that hands the record over and one that finds the stream quiet.
    expect(stream.passes()).toBe(3)
    await poller.stop()
  })

  it('answers a drain once the retry that waited when it began has failed again, not at its timeout', async () => {
    const stream = fakeStream()
    const handled: DynamoDBStreamEvent[] = []
    // SES throttles for hours: every try fails.
    const poller = start(stream, handled, {
      onEvent: () => {
        throw new Error('SES throttled')
      },
    })
    await vi.advanceTimersByTimeAsync(300)
    writeWithNudge(stream, poller)
    await vi.advanceTimersByTimeAsync(50)
    const triesBefore = handled.length
    expect(triesBefore).toBeGreaterThanOrEqual(1)
    let answer: boolean | undefined
    let triesAtAnswer = 0
    void poller.drain(10_000).then((drained) => {
      answer = drained
      triesAtAnswer = handled.length
    })
    // The retry is due 100 ms after the first failure (the default backoff), far short of the drain's 10 s.
    await vi.advanceTimersByTimeAsync(2_000)
    expect(answer).toBe(false)
    // The drain itself waited for that retry (not a later background pass) before it answered.
    expect(triesAtAnswer).toBeGreaterThan(triesBefore)
    await poller.stop()
  })

  it('answers a drain at its timeout when a pass hangs in the handler (a start nobody answers)', async () => {
    const stream = fakeStream()
    const handled: DynamoDBStreamEvent[] = []
    const poller = start(stream, handled, { onEvent: () => new Promise<void>(() => undefined) })
    await vi.advanceTimersByTimeAsync(300)
    writeWithNudge(stream, poller)
    await vi.advanceTimersByTimeAsync(50)
    expect(handled.length).toBe(1)
    let answer: boolean | undefined
    void poller.drain(1_000).then((drained) => {
      answer = drained
    })
    await vi.advanceTimersByTimeAsync(1_100)
    expect(answer).toBe(false)
    // Its pass never ends: stopping waits for it, so the test does not.
    void poller.stop()
  })

  it('gives a batch that first fails during a drain its retry before the drain answers', async () => {
    const stream = fakeStream()
    const handled: DynamoDBStreamEvent[] = []
    const poller = start(stream, handled, {
      onEvent: () => {
        if (handled.length === 1) throw new Error('SES throttled once')
      },
    })
    await vi.advanceTimersByTimeAsync(300)
    writeWithNudge(stream, poller)
    const drained = poller.drain()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(await drained).toBe(true)
    expect(sequences(handled)).toEqual([['1'], ['1']])
    await poller.stop()
  })

  it('gives a record that first fails during a drain its retry, even when an earlier record of its shard waited', async () => {
    const stream = fakeStream()
    const handled: DynamoDBStreamEvent[] = []
    let firstThrottled = true
    let secondFailures = 0
    const poller = start(stream, handled, {
      batchSize: 1,
      onEvent: () => {
        const [sequence] = sequences(handled.slice(-1))[0] ?? []
        if (sequence === '1' && firstThrottled) throw new Error('SES throttled')
        if (sequence === '2' && secondFailures++ === 0) throw new Error('SES throttled once')
      },
    })
    await vi.advanceTimersByTimeAsync(300)
    writeWithNudge(stream, poller)
    await vi.advanceTimersByTimeAsync(50)
    // The first record waits for its retry; a second is written, and the throttle on the first ends.
    stream.append()
    firstThrottled = false
    const drained = poller.drain()
    await vi.advanceTimersByTimeAsync(1_000)
    // The drain's retry delivers the first record, the second fails for the first time: it is
    // owed its retry before the drain answers, which then delivers it.
    expect(await drained).toBe(true)
    expect(sequences(handled).slice(-2)).toEqual([['2'], ['2']])
    await poller.stop()
  })

  it('waits in a drain for the retry that was due later than the drain began', async () => {
    const stream = fakeStream()
    const handled: DynamoDBStreamEvent[] = []
    let failing = true
    const poller = start(stream, handled, {
      onEvent: () => {
        if (failing) throw new Error('SES throttled')
      },
    })
    await vi.advanceTimersByTimeAsync(300)
    writeWithNudge(stream, poller)
    await vi.advanceTimersByTimeAsync(50)
    // The throttle ends while the retry waits: the drain's retry delivers the record.
    failing = false
    const delivered = handled.length
    const drained = poller.drain()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(await drained).toBe(true)
    expect(handled.length).toBe(delivered + 1)
    await poller.stop()
  })

  it('gives each batch its own retries, whatever the batch before it used', async () => {
    const stream = fakeStream()
    const handled: DynamoDBStreamEvent[] = []
    const deadLetters: StreamDeadLetter[] = []
    let triesOfFirst = 0
    // Two retries: the first record fails twice and succeeds on its last retry, the second always fails.
    const poller = start(stream, handled, {
      batchSize: 1,
      retry: { baseMs: 50, maxMs: 100 },
      maxRetryAttempts: 2,
      onFailure: async (deadLetter) => void deadLetters.push(deadLetter),
      onEvent: () => {
        const [sequence] = sequences(handled.slice(-1))[0] ?? []
        if (sequence === '1' && (triesOfFirst += 1) < 3) throw new Error('SES throttled twice')
        if (sequence === '2') throw new Error('SES refuses it')
      },
    })
    stream.append()
    stream.append()
    await vi.advanceTimersByTimeAsync(5_000)
    expect(sequences(handled)).toEqual([['1'], ['1'], ['1'], ['2'], ['2'], ['2']])
    expect(deadLetters).toMatchObject([
      { condition: 'RetryAttemptsExhausted', startSequenceNumber: '2', attempts: 3 },
    ])
    await poller.stop()
  })

  it('gives the batch after a dead-lettered one its own retries', async () => {
    const stream = fakeStream()
    const handled: DynamoDBStreamEvent[] = []
    const deadLetters: StreamDeadLetter[] = []
    const poller = start(stream, handled, {
      batchSize: 1,
      retry: { baseMs: 50, maxMs: 100 },
      maxRetryAttempts: 2,
      onFailure: async (deadLetter) => void deadLetters.push(deadLetter),
      onEvent: () => {
        throw new Error('SES refuses everything')
      },
    })
    stream.append()
    stream.append()
    await vi.advanceTimersByTimeAsync(5_000)
    expect(sequences(handled)).toEqual([['1'], ['1'], ['1'], ['2'], ['2'], ['2']])
    expect(deadLetters).toMatchObject([
      { condition: 'RetryAttemptsExhausted', startSequenceNumber: '1', attempts: 3 },
      { condition: 'RetryAttemptsExhausted', startSequenceNumber: '2', attempts: 3 },
    ])
    await poller.stop()
  })

  it('describes the stream again when a shard closes, and reads its child before a drain calls the stream quiet', async () => {
    // Real timers: the drain waits between its passes.
    vi.useRealTimers()
    const stream = rollingStream()
    const handled: DynamoDBStreamEvent[] = []
    const poller = startStreamPoller({
      client: stream.client,
      streamArn: 'arn:stream',
      handler: async (event) => void handled.push(event),
      // The parent's record is one the filter drops: its pass hands nothing over.
      filter: (record) => record.dynamodb?.SequenceNumber !== '1',
      checkpoints: memoryCheckpoints(),
    })
    expect(await poller.drain()).toBe(true)
    expect(sequences(handled)).toEqual([['2']])
    expect(stream.calls.DescribeStream).toBe(2)
    await poller.stop()
  })
})

describe('the local stream poller’s maximum record age', () => {
  const HOUR_MS = 3_600_000
  let offsetBefore = 0
  beforeEach(() => {
    offsetBefore = clockOffsetMs()
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
    setClockOffsetMs(offsetBefore)
  })

  /** A poller of `stream` whose mapping gives records up after an hour, into `deadLetters`. */
  const startAged = (
    stream: ReturnType<typeof fakeStream>,
    handled: DynamoDBStreamEvent[],
    deadLetters: StreamDeadLetter[],
    handle: () => void = () => undefined,
    batchSize?: number,
  ) =>
    start(stream, handled, {
      onEvent: handle,
      batchSize,
      retry: { baseMs: 50, maxMs: 1_000 },
      maxRetryAttempts: 10_000,
      maxRecordAgeMs: HOUR_MS,
      onFailure: async (deadLetter) => void deadLetters.push(deadLetter),
    })

  it('gives a record its handler keeps failing up to the dead letter after its first try past its age on the project clock', async () => {
    const stream = fakeStream()
    const handled: DynamoDBStreamEvent[] = []
    const deadLetters: StreamDeadLetter[] = []
    let failing = true
    const poller = startAged(stream, handled, deadLetters, () => {
      if (failing) throw new Error('Step Functions unreachable')
    })
    await vi.advanceTimersByTimeAsync(300)
    stream.append()
    poller.nudge()
    await vi.advanceTimersByTimeAsync(2_000)
    const triesBefore = handled.length
    expect(triesBefore).toBeGreaterThanOrEqual(2)
    expect(deadLetters).toEqual([])
    // An hour and two minutes of failures later. The move stands for an hour of retries on
    // AWS, the last of them short of the age: the record gets that one try, then no other.
    await advanceClock(62 * 60)
    await vi.advanceTimersByTimeAsync(2_000)
    expect(handled).toHaveLength(triesBefore + 1)
    expect(deadLetters).toMatchObject([
      { condition: 'RecordAgeExceeded', startSequenceNumber: '1', endSequenceNumber: '1', batchSize: 1 },
    ])
    expect(deadLetters[0]?.attempts).toBe(triesBefore + 1)
    expect(deadLetters[0]?.keys).toEqual([{ pk: { S: 'ITEM#1' } }])
    // The shard moved past it: the next record is handed over.
    failing = false
    stream.append()
    poller.nudge()
    await vi.advanceTimersByTimeAsync(300)
    expect(sequences(handled.slice(triesBefore + 1))).toEqual([['2']])
    await poller.stop()
  })

  it('lets the try after a clock move succeed: the handler’s own time limit acts before the age', async () => {
    const stream = fakeStream()
    const handled: DynamoDBStreamEvent[] = []
    const deadLetters: StreamDeadLetter[] = []
    let moved = false
    // As the mailer: it fails while SES throttles, and marks a mail FAILED (a success for the
    // stream) once it has failed for longer than its own limit, which is under the mapping's age.
    const poller = startAged(stream, handled, deadLetters, () => {
      if (!moved) throw new Error('SES throttled')
    })
    await vi.advanceTimersByTimeAsync(300)
    stream.append()
    poller.nudge()
    await vi.advanceTimersByTimeAsync(500)
    moved = true
    await advanceClock(7 * 24 * 60 * 60)
    await vi.advanceTimersByTimeAsync(2_000)
    expect(deadLetters).toEqual([])
    expect(sequences(handled).at(-1)).toEqual(['1'])
    await poller.stop()
  })

  it('hands over a record the clock moved past before the poller read it: AWS’s mapping reads a record within a second', async () => {
    const stream = fakeStream()
    const handled: DynamoDBStreamEvent[] = []
    const deadLetters: StreamDeadLetter[] = []
    const poller = startAged(stream, handled, deadLetters)
    await vi.advanceTimersByTimeAsync(300)
    stream.append()
    await advanceClock(2 * 60 * 60)
    poller.nudge()
    await vi.advanceTimersByTimeAsync(300)
    expect(sequences(handled)).toEqual([['1']])
    expect(deadLetters).toEqual([])
    await poller.stop()
  })

  // DynamoDB Local stamps records to the minute: a wait of 5 s ends in the minute the records
  // were written in, one of 65 s after it. Their fate must not depend on it.
  it.each([5_000, 65_000])(
    'hands over the records queued behind a held batch after a clock move, as their batch follows it at once on AWS (%i ms held)',
    async (heldMs) => {
      vi.setSystemTime(Math.ceil(Date.now() / 60_000) * 60_000 + 1_000)
      const stream = fakeStream()
      const handled: DynamoDBStreamEvent[] = []
      const deadLetters: StreamDeadLetter[] = []
      let moved = false
      const poller = startAged(
        stream,
        handled,
        deadLetters,
        () => {
          if (!moved) throw new Error('SES throttled')
        },
        2,
      )
      await vi.advanceTimersByTimeAsync(300)
      for (let write = 0; write < 3; write += 1) stream.append()
      poller.nudge()
      await vi.advanceTimersByTimeAsync(heldMs)
      expect(sequences(handled).at(-1)).toEqual(['1', '2'])
      moved = true
      await advanceClock(2 * 60 * 60)
      await vi.advanceTimersByTimeAsync(2_000)
      expect(sequences(handled).slice(-2)).toEqual([['1', '2'], ['3']])
      expect(deadLetters).toEqual([])
      await poller.stop()
    },
  )

  it('gives up unread a record written longer ago than its age (a platform stopped for hours), and hands over the newer ones', async () => {
    const stream = fakeStream()
    const handled: DynamoDBStreamEvent[] = []
    const deadLetters: StreamDeadLetter[] = []
    stream.append(new Date(Date.now() - 2 * HOUR_MS))
    stream.append(new Date(Date.now() - 2 * HOUR_MS))
    stream.append()
    const poller = startAged(stream, handled, deadLetters)
    await vi.advanceTimersByTimeAsync(300)
    expect(deadLetters).toMatchObject([
      {
        condition: 'RecordAgeExceeded',
        startSequenceNumber: '1',
        endSequenceNumber: '2',
        batchSize: 2,
        attempts: 0,
      },
    ])
    expect(sequences(handled)).toEqual([['3']])
    await poller.stop()
  })
})
