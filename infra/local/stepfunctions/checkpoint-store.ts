/**
 * Persists executions in the main table: one record per execution (its status), its
 * history events, and its checkpoint (the top-level state it last entered with that
 * state's input, which `resume()` and redrive restart from). Keys come from
 * functions/data/keys.ts. Every status change is conditioned on RUNNING, so an execution
 * closes exactly once.
 *
 * The checkpoint is an item of its own beside the events, not a field of the record, so
 * the journal writes events and checkpoint in one unconditional BatchWriteItem (issue 14
 * item 8, ADR 0025 addendum): the record is only ever written under a condition on its
 * status. A checkpoint needs no condition: the runner closes an execution once the library
 * has stopped emitting, with the last events and checkpoint in the closing's own
 * transaction, so no checkpoint of the run follows its closing.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type BatchWriteCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb'
import {
  sfnCheckpointKey,
  sfnExecutionByStatusEntry,
  sfnExecutionKey,
  sfnExecutionsByStatusPartition,
  sfnExecutionsByStatusPrefix,
  sfnHistoryEventKey,
  sfnHistoryEventPrefix,
  sfnHistoryPartition,
} from '../../../functions/data/keys'

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED'

export interface ExecutionRecord {
  executionArn: string
  stateMachineArn: string
  name: string
  /** JSON text, as the API carries it. */
  input: string
  status: ExecutionStatus
  startDateMs: number
  stopDateMs?: number
  output?: string
  error?: string
  cause?: string
  /** How many times RedriveExecution restarted it, and when last (AWS's redriveCount, redriveDate). */
  redriveCount?: number
  redriveDateMs?: number
}

export interface HistoryEvent {
  id: number
  previousEventId: number
  timestampMs: number
  type: string
  /** The AWS details member, e.g. `stateEnteredEventDetails`, and its value. */
  detailsKey?: string
  details?: Record<string, unknown>
}

/** The top-level state an execution last entered, and its input (JSON text). */
export interface Checkpoint {
  state: string
  input: string
}

export interface Closing {
  status: Exclude<ExecutionStatus, 'RUNNING'>
  stopDateMs: number
  output?: string
  error?: string
  cause?: string
}

export interface CheckpointStore {
  /**
   * Creates the record unless the execution exists (returns the existing record then),
   * with its first history event in the same transaction: one round trip for a start.
   */
  create(record: ExecutionRecord, firstEvent: HistoryEvent): Promise<ExecutionRecord | undefined>
  get(executionArn: string): Promise<ExecutionRecord | undefined>
  /** The last checkpoint written; undefined before the first top-level state was entered. */
  checkpointOf(executionArn: string): Promise<Checkpoint | undefined>
  /**
   * Closes a RUNNING execution in one transaction with the events still to write (its
   * closing event last) and the latest checkpoint. False when it was already closed: then
   * the events before the closing one are written all the same, the closing event and the
   * checkpoint are not (as a checkpoint conditioned on RUNNING was refused before).
   */
  close(
    record: ExecutionRecord,
    closing: Closing,
    events: HistoryEvent[],
    checkpoint?: Checkpoint,
  ): Promise<boolean>
  /** Writes history events and the latest checkpoint together (one BatchWriteItem per 25 items). */
  appendEvents(executionArn: string, events: HistoryEvent[], checkpoint?: Checkpoint): Promise<void>
  lastEventId(executionArn: string): Promise<number>
  history(
    executionArn: string,
    page: { reverse: boolean; limit: number; afterId?: number },
  ): Promise<{ events: HistoryEvent[]; lastId?: number }>
  running(): Promise<ExecutionRecord[]>
  /** Reopens a closed execution as RUNNING (RedriveExecution); false when it is no longer `record.status`. */
  reopen(record: ExecutionRecord, redriveDateMs: number): Promise<boolean>
  /** One page of executions, newest first, optionally of one status and one state machine. */
  list(query: ListQuery): Promise<{ records: ExecutionRecord[]; nextKey?: Record<string, unknown> }>
}

export interface ListQuery {
  stateMachineArn?: string
  status?: ExecutionStatus
  limit: number
  startKey?: Record<string, unknown>
}

const BATCH_WRITE_LIMIT = 25
/** DynamoDB's TransactWriteItems limit was 25 items until 2022; kept, so any DynamoDB Local takes it. */
const TRANSACT_WRITE_LIMIT = 25
type WriteRequests = NonNullable<BatchWriteCommandInput['RequestItems']>[string]

const isConditionFailure = (error: unknown): boolean => error instanceof ConditionalCheckFailedException

const isFirstItemConditionFailure = (error: unknown): boolean =>
  error instanceof TransactionCanceledException &&
  error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'

const eventItem = (executionArn: string, { details, ...event }: HistoryEvent) => ({
  ...sfnHistoryEventKey(executionArn, event.id),
  ...event,
  ...(details ? { details: JSON.stringify(details) } : {}),
})

const checkpointItem = (executionArn: string, checkpoint: Checkpoint) => ({
  ...sfnCheckpointKey(executionArn),
  ...checkpoint,
})

const statusEntry = (status: ExecutionStatus, record: ExecutionRecord) =>
  sfnExecutionByStatusEntry(status, new Date(record.startDateMs).toISOString(), record.executionArn)

const recordOf = (item: Record<string, unknown>): ExecutionRecord => {
  const { pk: _pk, sk: _sk, gsi1pk: _gpk, gsi1sk: _gsk, ...record } = item
  return record as unknown as ExecutionRecord
}

export const createCheckpointStore = (dynamo: DynamoDBDocumentClient, tableName: string): CheckpointStore => {
  return {
    async create(record, firstEvent) {
      try {
        await dynamo.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: {
                    ...sfnExecutionKey(record.executionArn),
                    ...statusEntry(record.status, record),
                    ...record,
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              { Put: { TableName: tableName, Item: eventItem(record.executionArn, firstEvent) } },
            ],
          }),
        )
        return undefined
      } catch (error) {
        if (!isFirstItemConditionFailure(error)) throw error
        const existing = await this.get(record.executionArn)
        if (!existing) throw error
        return existing
      }
    },

    async get(executionArn) {
      const { Item } = await dynamo.send(
        new GetCommand({ TableName: tableName, Key: sfnExecutionKey(executionArn), ConsistentRead: true }),
      )
      return Item ? recordOf(Item) : undefined
    },

    async checkpointOf(executionArn) {
      const { Item } = await dynamo.send(
        new GetCommand({ TableName: tableName, Key: sfnCheckpointKey(executionArn), ConsistentRead: true }),
      )
      return Item ? { state: String(Item.state), input: String(Item.input) } : undefined
    },

    async close(record, closing, events, checkpoint) {
      const arn = record.executionArn
      // The record's update and the checkpoint take two of the transaction's items; earlier
      // events beyond that go first, unconditionally, as the journal would have written them.
      const room = TRANSACT_WRITE_LIMIT - (checkpoint ? 2 : 1)
      const earlier = events.slice(0, Math.max(0, events.length - room))
      const last = events.slice(earlier.length)
      if (earlier.length > 0) await this.appendEvents(arn, earlier)
      const fields = Object.entries({ ...closing, ...statusEntry(closing.status, record) }).filter(
        ([, value]) => value !== undefined,
      )
      try {
        await dynamo.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tableName,
                  Key: sfnExecutionKey(arn),
                  UpdateExpression: `SET ${fields.map((_, i) => `#f${i} = :f${i}`).join(', ')}`,
                  ConditionExpression: '#status = :running',
                  ExpressionAttributeNames: {
                    '#status': 'status',
                    ...Object.fromEntries(fields.map(([name], i) => [`#f${i}`, name])),
                  },
                  ExpressionAttributeValues: {
                    ':running': 'RUNNING',
                    ...Object.fromEntries(fields.map(([, value], i) => [`:f${i}`, value])),
                  },
                },
              },
              ...last.map((event) => ({ Put: { TableName: tableName, Item: eventItem(arn, event) } })),
              ...(checkpoint
                ? [{ Put: { TableName: tableName, Item: checkpointItem(arn, checkpoint) } }]
                : []),
            ],
          }),
        )
        return true
      } catch (error) {
        if (!isFirstItemConditionFailure(error)) throw error
        await this.appendEvents(arn, last.slice(0, -1))
        return false
      }
    },

    async appendEvents(executionArn, events, checkpoint) {
      const items = [
        ...events.map((event) => ({ PutRequest: { Item: eventItem(executionArn, event) } })),
        ...(checkpoint ? [{ PutRequest: { Item: checkpointItem(executionArn, checkpoint) } }] : []),
      ]
      for (let offset = 0; offset < items.length; offset += BATCH_WRITE_LIMIT) {
        let requests: WriteRequests | undefined = items.slice(offset, offset + BATCH_WRITE_LIMIT)
        while (requests && requests.length > 0) {
          const result: BatchWriteCommandOutput = await dynamo.send(
            new BatchWriteCommand({ RequestItems: { [tableName]: requests } }),
          )
          requests = result.UnprocessedItems?.[tableName]
        }
      }
    },

    async lastEventId(executionArn) {
      const { Items = [] } = await dynamo.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :events)',
          ExpressionAttributeValues: {
            ':pk': sfnHistoryPartition(executionArn),
            ':events': sfnHistoryEventPrefix,
          },
          ScanIndexForward: false,
          Limit: 1,
          ConsistentRead: true,
        }),
      )
      return Number(Items[0]?.id ?? 0)
    },

    async history(executionArn, { reverse, limit, afterId }) {
      const { Items = [], LastEvaluatedKey } = await dynamo.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :events)',
          ExpressionAttributeValues: {
            ':pk': sfnHistoryPartition(executionArn),
            ':events': sfnHistoryEventPrefix,
          },
          ScanIndexForward: !reverse,
          Limit: limit,
          ConsistentRead: true,
          ...(afterId === undefined ? {} : { ExclusiveStartKey: sfnHistoryEventKey(executionArn, afterId) }),
        }),
      )
      const events = Items.map(({ pk: _pk, sk: _sk, details, ...event }) => ({
        ...(event as Omit<HistoryEvent, 'details'>),
        ...(typeof details === 'string' ? { details: JSON.parse(details) as Record<string, unknown> } : {}),
      }))
      return { events, ...(LastEvaluatedKey ? { lastId: events.at(-1)?.id } : {}) }
    },

    async reopen(record, redriveDateMs) {
      try {
        await dynamo.send(
          new UpdateCommand({
            TableName: tableName,
            Key: sfnExecutionKey(record.executionArn),
            UpdateExpression:
              'SET #status = :running, gsi1sk = :gsi1sk, redriveCount = :count, redriveDateMs = :at REMOVE stopDateMs, #error, #cause, #output',
            ConditionExpression: '#status = :closed',
            ExpressionAttributeNames: {
              '#status': 'status',
              '#error': 'error',
              '#cause': 'cause',
              '#output': 'output',
            },
            ExpressionAttributeValues: {
              ':running': 'RUNNING',
              ':closed': record.status,
              ':gsi1sk': statusEntry('RUNNING', record).gsi1sk,
              ':count': (record.redriveCount ?? 0) + 1,
              ':at': redriveDateMs,
            },
          }),
        )
        return true
      } catch (error) {
        if (isConditionFailure(error)) return false
        throw error
      }
    },

    async list({ stateMachineArn, status, limit, startKey }) {
      // Newest first within a status; without a status filter the whole index, status by status.
      const page = await dynamo.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression:
            status === undefined ? 'gsi1pk = :pk' : 'gsi1pk = :pk AND begins_with(gsi1sk, :status)',
          ...(stateMachineArn === undefined ? {} : { FilterExpression: 'stateMachineArn = :machine' }),
          ExpressionAttributeValues: {
            ':pk': sfnExecutionsByStatusPartition,
            ...(status === undefined ? {} : { ':status': sfnExecutionsByStatusPrefix(status) }),
            ...(stateMachineArn === undefined ? {} : { ':machine': stateMachineArn }),
          },
          ScanIndexForward: false,
          Limit: limit,
          ExclusiveStartKey: startKey,
        }),
      )
      return {
        records: (page.Items ?? []).map(recordOf),
        ...(page.LastEvaluatedKey ? { nextKey: page.LastEvaluatedKey } : {}),
      }
    },

    async running() {
      const records: ExecutionRecord[] = []
      let startKey: Record<string, unknown> | undefined
      do {
        const page = await dynamo.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :running)',
            ExpressionAttributeValues: {
              ':pk': sfnExecutionsByStatusPartition,
              ':running': sfnExecutionsByStatusPrefix('RUNNING'),
            },
            ExclusiveStartKey: startKey,
          }),
        )
        records.push(...(page.Items ?? []).map(recordOf))
        startKey = page.LastEvaluatedKey
      } while (startKey)
      return records
    },
  }
}
