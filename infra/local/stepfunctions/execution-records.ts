/**
 * Execution records in the main table: created once with their first event, closed once
 * and reopened by a redrive, every status change conditioned on the status it changes.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import {
  type DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb'
import { sfnExecutionKey } from '../../../functions/data/keys'
import type { HistoryJournal } from './history-journal'
import { checkpointItem, eventItem, recordOfItem, statusEntry } from './journal-items'
import type { Checkpoint, Closing, ExecutionRecord, HistoryEvent } from './journal-types'

export interface ExecutionRecords {
  /**
   * Creates the record unless the execution exists (returns the existing record then),
   * with its first history event in the same transaction: one round trip for a start.
   */
  create(record: ExecutionRecord, firstEvent: HistoryEvent): Promise<ExecutionRecord | undefined>
  get(executionArn: string): Promise<ExecutionRecord | undefined>
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
  /** Reopens a closed execution as RUNNING (RedriveExecution); false when it is no longer `record.status`. */
  reopen(record: ExecutionRecord, redriveDateMs: number): Promise<boolean>
}

/** DynamoDB's TransactWriteItems limit was 25 items until 2022; kept, so any DynamoDB Local takes it. */
const TRANSACT_WRITE_LIMIT = 25

const isConditionFailure = (error: unknown): boolean => error instanceof ConditionalCheckFailedException

const isFirstItemConditionFailure = (error: unknown): boolean =>
  error instanceof TransactionCanceledException &&
  error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'

/** `journal` writes the events a closing carries beyond its transaction's room. */
export const createExecutionRecords = (
  dynamo: DynamoDBDocumentClient,
  tableName: string,
  journal: Pick<HistoryJournal, 'appendEvents'>,
): ExecutionRecords => {
  const get = async (executionArn: string): Promise<ExecutionRecord | undefined> => {
    const { Item } = await dynamo.send(
      new GetCommand({ TableName: tableName, Key: sfnExecutionKey(executionArn), ConsistentRead: true }),
    )
    return Item ? recordOfItem(Item) : undefined
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
        const existing = await get(record.executionArn)
        if (!existing) throw error
        return existing
      }
    },

    get,

    async close(record, closing, events, checkpoint) {
      const arn = record.executionArn
      // The record's update and the checkpoint take two of the transaction's items; earlier
      // events beyond that go first, unconditionally, as the journal would have written them.
      const room = TRANSACT_WRITE_LIMIT - (checkpoint ? 2 : 1)
      const earlier = events.slice(0, Math.max(0, events.length - room))
      const last = events.slice(earlier.length)
      if (earlier.length > 0) await journal.appendEvents(arn, earlier)
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
        await journal.appendEvents(arn, last.slice(0, -1))
        return false
      }
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
  }
}
