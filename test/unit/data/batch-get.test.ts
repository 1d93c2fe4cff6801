import { DynamoDBDocumentClient, BatchGetCommand } from '@aws-sdk/lib-dynamodb'
import { mockClient } from 'aws-sdk-client-mock'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { getEach } from '../../../functions/data/batch-get'

const documentMock = mockClient(DynamoDBDocumentClient)
afterAll(() => documentMock.restore())

const TABLE = 'main'
const keyA = { pk: 'CASE#A', sk: 'CASE' }
const keyB = { pk: 'CASE#B', sk: 'CASE' }

describe('BatchGetItem with keys left unprocessed (throttling)', () => {
  beforeEach(() => {
    documentMock.reset()
    vi.useFakeTimers()
  })
  afterEach(() => vi.useRealTimers())

  it('pauses before asking again for what came back unprocessed, and reads every key in the end', async () => {
    documentMock
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: { [TABLE]: [] }, UnprocessedKeys: { [TABLE]: { Keys: [keyA, keyB] } } })
      .resolvesOnce({
        Responses: { [TABLE]: [{ ...keyA, n: 1 }] },
        UnprocessedKeys: { [TABLE]: { Keys: [keyB] } },
      })
      .resolves({ Responses: { [TABLE]: [{ ...keyB, n: 2 }] } })
    // The pause's length is random below its bound: every draw at the bound.
    vi.spyOn(Math, 'random').mockReturnValue(0.999)
    let settled = false
    const read = getEach(TABLE, [keyA, keyB]).finally(() => {
      settled = true
    })
    await vi.advanceTimersByTimeAsync(0)
    // The first answer left both keys: no second request until a pause has passed.
    expect(documentMock.commandCalls(BatchGetCommand)).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(60)
    expect(documentMock.commandCalls(BatchGetCommand)).toHaveLength(2)
    expect(settled).toBe(false)
    // The second pause is longer (the bound doubles).
    await vi.advanceTimersByTimeAsync(60)
    expect(documentMock.commandCalls(BatchGetCommand)).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(100)
    expect(documentMock.commandCalls(BatchGetCommand)).toHaveLength(3)
    expect(await read).toEqual([
      { ...keyA, n: 1 },
      { ...keyB, n: 2 },
    ])
    // Only what was left unprocessed is asked again, always as a consistent read.
    const asked = documentMock
      .commandCalls(BatchGetCommand)
      .map((call) => call.args[0].input.RequestItems?.[TABLE])
    expect(asked.map((request) => request?.Keys)).toEqual([[keyA, keyB], [keyA, keyB], [keyB]])
    expect(asked.every((request) => request?.ConsistentRead === true)).toBe(true)
  })

  it('gives up after eight answers that all left keys unprocessed', async () => {
    documentMock.on(BatchGetCommand).resolves({ UnprocessedKeys: { [TABLE]: { Keys: [keyA] } } })
    const read = getEach(TABLE, [keyA])
    const failed = expect(read).rejects.toThrow('BatchGetItem kept keys unprocessed')
    await vi.runAllTimersAsync()
    await failed
    expect(documentMock.commandCalls(BatchGetCommand)).toHaveLength(8)
  })
})
