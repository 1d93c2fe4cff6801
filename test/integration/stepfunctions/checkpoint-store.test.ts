/**
 * The local Step Functions journal's closing write (issue 14 item 8): the record's closing,
 * the events still pending, the closing event and the last checkpoint go together, and a
 * second closing changes nothing but the pending events it carried.
 */
import { randomUUID } from 'node:crypto'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { beforeAll, describe, expect, it } from 'vitest'
import { mainTable } from '../../../functions/data/table-definitions'
import { ensureTable } from '../../../infra/local/dynamodb/create-tables'
import {
  type CheckpointStore,
  createCheckpointStore,
} from '../../../infra/local/stepfunctions/checkpoint-store'
import type { ExecutionRecord, HistoryEvent } from '../../../infra/local/stepfunctions/journal-types'
import { executionClosedEntry } from '../../../infra/local/stepfunctions/history-events'
import { workerDynamodbEndpoint } from '../../support/dynamodb-endpoint'

let store: CheckpointStore

beforeAll(async () => {
  const client = new DynamoDBClient({
    endpoint: workerDynamodbEndpoint(),
    region: 'ap-southeast-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  })
  const tableName = `sfn-store-${randomUUID()}`
  await ensureTable(client, mainTable, tableName, { expectNew: true })
  store = createCheckpointStore(DynamoDBDocumentClient.from(client), tableName)
})

const eventOf = (id: number, type = 'PassStateEntered'): HistoryEvent => ({
  id,
  previousEventId: id - 1,
  timestampMs: 1_000 + id,
  type,
})

const closingOf = (id: number): HistoryEvent => ({
  ...executionClosedEntry('SUCCEEDED', { output: '{}' }),
  ...eventOf(id, 'ExecutionSucceeded'),
})

/** A RUNNING execution with its ExecutionStarted event (id 1). */
const started = async (): Promise<ExecutionRecord> => {
  const record: ExecutionRecord = {
    executionArn: `arn:aws:states:ap-southeast-3:000000000000:execution:store:${randomUUID()}`,
    stateMachineArn: 'arn:aws:states:ap-southeast-3:000000000000:stateMachine:store',
    name: 'store',
    input: '{}',
    status: 'RUNNING',
    startDateMs: 1_000,
  }
  await store.create(record, eventOf(1, 'ExecutionStarted'))
  return record
}

const historyIds = async (executionArn: string): Promise<number[]> =>
  (await store.history(executionArn, { reverse: false, limit: 1000 })).events.map((event) => event.id)

describe('closing an execution', () => {
  it('writes the pending events, the closing event and the checkpoint with the closed record, and closes once', async () => {
    const record = await started()
    const closing = { status: 'SUCCEEDED' as const, stopDateMs: 2_000, output: '{}' }
    const closed = await store.close(record, closing, [eventOf(2), eventOf(3), closingOf(4)], {
      state: 'Last',
      input: '{"n":1}',
    })
    expect(closed).toBe(true)
    expect(await store.get(record.executionArn)).toMatchObject({ status: 'SUCCEEDED', stopDateMs: 2_000 })
    expect(await historyIds(record.executionArn)).toEqual([1, 2, 3, 4])
    expect(await store.checkpointOf(record.executionArn)).toEqual({ state: 'Last', input: '{"n":1}' })

    // A second closing: its pending event is kept, its closing event and checkpoint are not.
    const again = await store.close(
      record,
      { status: 'ABORTED', stopDateMs: 3_000 },
      [eventOf(5), closingOf(6)],
      { state: 'Later', input: '{}' },
    )
    expect(again).toBe(false)
    expect(await store.get(record.executionArn)).toMatchObject({ status: 'SUCCEEDED', stopDateMs: 2_000 })
    expect(await historyIds(record.executionArn)).toEqual([1, 2, 3, 4, 5])
    expect(await store.checkpointOf(record.executionArn)).toEqual({ state: 'Last', input: '{"n":1}' })
  })

  it('writes every pending event in order when they are more than one transaction holds', async () => {
    const record = await started()
    const pending = Array.from({ length: 40 }, (_, index) => eventOf(index + 2))
    const closed = await store.close(
      record,
      { status: 'SUCCEEDED', stopDateMs: 2_000, output: '{}' },
      [...pending, closingOf(42)],
      { state: 'Map', input: '{}' },
    )
    expect(closed).toBe(true)
    expect(await historyIds(record.executionArn)).toEqual(Array.from({ length: 42 }, (_, index) => index + 1))
  })
})
