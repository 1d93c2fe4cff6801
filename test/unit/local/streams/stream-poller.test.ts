import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams'
import type { DynamoDBStreamEvent } from 'aws-lambda'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CheckpointFile } from '../../../../infra/local/streams/checkpoint-file'
import { asForeground, isForeground } from '../../../../infra/local/foreground'
import { startStreamPoller } from '../../../../infra/local/streams/stream-poller'

/** One open shard whose records are whatever the test appended; counts the passes (DescribeStream). */
const fakeStream = () => {
  const records: _Record[] = []
  let passes = 0
  const client = {
    send: async (command: unknown) => {
      if (command instanceof DescribeStreamCommand) {
        passes += 1
        return { StreamDescription: { Shards: [{ ShardId: 'shard-1' }] } }
      }
      if (command instanceof GetShardIteratorCommand) {
        const after = command.input.SequenceNumber
        return { ShardIterator: after === undefined ? '0' : String(Number(after)) }
      }
      if (command instanceof GetRecordsCommand) {
        const from = Number(command.input.ShardIterator)
        return { Records: records.slice(from), NextShardIterator: String(records.length) }
      }
      throw new Error('unexpected command')
    },
  } as unknown as DynamoDBStreamsClient
  const append = () =>
    records.push({ eventName: 'INSERT', dynamodb: { SequenceNumber: String(records.length + 1) } })
  return { client, append, passes: () => passes }
}

const memoryCheckpoints = (): CheckpointFile => {
  const positions = new Map<string, string | undefined>()
  return {
    get: (shardId) => positions.get(shardId),
    set: (shardId, sequence) => void positions.set(shardId, sequence),
    close: () => undefined,
    isClosed: () => false,
    save: async () => undefined,
  }
}

describe('the local stream poller', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  const start = (
    stream: ReturnType<typeof fakeStream>,
    handled: DynamoDBStreamEvent[],
    { intervalMs = 200, idleIntervalMs = 2_000, onEvent = () => undefined as void } = {},
  ) =>
    startStreamPoller({
      client: stream.client,
      streamArn: 'arn:stream',
      handler: async (event) => {
        handled.push(event)
        onEvent()
      },
      filter: () => true,
      checkpoints: memoryCheckpoints(),
      intervalMs,
      idleIntervalMs,
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
    stream.append()
    poller.nudge()
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
      stream.append()
      poller.nudge()
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
    stream.append()
    poller.nudge()
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
    stream.append()
    poller.nudge()
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
})
