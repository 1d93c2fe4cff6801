/**
 * Persists executions in the main table: one record per execution (its status, and the
 * top-level state it last entered with that state's input — the checkpoint `resume()`
 * restarts from) and its history events. Keys come from functions/data/keys.ts. Every
 * status change is conditioned on RUNNING, so an execution closes exactly once.
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
  /** The checkpoint: the top-level state last entered, and its input (JSON text). */
  currentState?: string
  currentInput?: string
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
  checkpoint(executionArn: string, state: string, input: string): Promise<void>
  /** Closes a RUNNING execution; false when it was already closed. */
  close(record: ExecutionRecord, closing: Closing): Promise<boolean>
  appendEvents(executionArn: string, events: HistoryEvent[]): Promise<void>
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

const statusEntry = (status: ExecutionStatus, record: ExecutionRecord) =>
  sfnExecutionByStatusEntry(status, new Date(record.startDateMs).toISOString(), record.executionArn)

const recordOf = (item: Record<string, unknown>): ExecutionRecord => {
  const { pk: _pk, sk: _sk, gsi1pk: _gpk, gsi1sk: _gsk, ...record } = item
  return record as unknown as ExecutionRecord
}

export const createCheckpointStore = (dynamo: DynamoDBDocumentClient, tableName: string): CheckpointStore => {
  const runningCondition = {
    ConditionExpression: '#status = :running',
    ExpressionAttributeNames: { '#status': 'status' },
  }

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

    async checkpoint(executionArn, state, input) {
      try {
        await dynamo.send(
          new UpdateCommand({
            TableName: tableName,
            Key: sfnExecutionKey(executionArn),
            UpdateExpression: 'SET currentState = :state, currentInput = :input',
            ...runningCondition,
            ExpressionAttributeValues: { ':state': state, ':input': input, ':running': 'RUNNING' },
          }),
        )
      } catch (error) {
        // Closed meanwhile (stopped): the checkpoint no longer matters.
        if (!isConditionFailure(error)) throw error
      }
    },

    async close(record, closing) {
      const fields = Object.entries({ ...closing, ...statusEntry(closing.status, record) }).filter(
        ([, value]) => value !== undefined,
      )
      try {
        await dynamo.send(
          new UpdateCommand({
            TableName: tableName,
            Key: sfnExecutionKey(record.executionArn),
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
          }),
        )
        return true
      } catch (error) {
        if (isConditionFailure(error)) return false
        throw error
      }
    },

    async appendEvents(executionArn, events) {
      const items = events.map((event) => ({ PutRequest: { Item: eventItem(executionArn, event) } }))
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
