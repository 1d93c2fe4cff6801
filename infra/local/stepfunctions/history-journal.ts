/**
 * An execution's history events and its checkpoint in the main table. The checkpoint is
 * written with the events in one unconditional BatchWriteItem (see checkpoint-store.ts).
 */
import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type BatchWriteCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb'
import {
  sfnCheckpointKey,
  sfnHistoryEventKey,
  sfnHistoryEventPrefix,
  sfnHistoryPartition,
} from '../../../functions/data/keys'
import { checkpointItem, eventItem } from './journal-items'
import type { Checkpoint, HistoryEvent } from './journal-types'

export interface HistoryJournal {
  /** The last checkpoint written; undefined before the first top-level state was entered. */
  checkpointOf(executionArn: string): Promise<Checkpoint | undefined>
  /** Writes history events and the latest checkpoint together (one BatchWriteItem per 25 items). */
  appendEvents(executionArn: string, events: HistoryEvent[], checkpoint?: Checkpoint): Promise<void>
  lastEventId(executionArn: string): Promise<number>
  history(
    executionArn: string,
    page: { reverse: boolean; limit: number; afterId?: number },
  ): Promise<{ events: HistoryEvent[]; lastId?: number }>
}

const BATCH_WRITE_LIMIT = 25
type WriteRequests = NonNullable<BatchWriteCommandInput['RequestItems']>[string]

type EventsPage = Parameters<HistoryJournal['history']>[1]

/** One page of an execution's history events, in id order or reversed (a consistent read). */
const eventsQuery = (tableName: string, executionArn: string, { reverse, limit, afterId }: EventsPage) =>
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
  })

export const createHistoryJournal = (dynamo: DynamoDBDocumentClient, tableName: string): HistoryJournal => ({
  async checkpointOf(executionArn) {
    const { Item } = await dynamo.send(
      new GetCommand({ TableName: tableName, Key: sfnCheckpointKey(executionArn), ConsistentRead: true }),
    )
    return Item ? { state: String(Item.state), input: String(Item.input) } : undefined
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
      eventsQuery(tableName, executionArn, { reverse: true, limit: 1 }),
    )
    return Number(Items[0]?.id ?? 0)
  },

  async history(executionArn, page) {
    const { Items = [], LastEvaluatedKey } = await dynamo.send(eventsQuery(tableName, executionArn, page))
    const events = Items.map(({ pk: _pk, sk: _sk, details, ...event }) => ({
      ...(event as Omit<HistoryEvent, 'details'>),
      ...(typeof details === 'string' ? { details: JSON.parse(details) as Record<string, unknown> } : {}),
    }))
    return { events, ...(LastEvaluatedKey ? { lastId: events.at(-1)?.id } : {}) }
  },
})
