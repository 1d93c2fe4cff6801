/**
 * Executions by status (the main table's gsi1, entries from functions/data/keys.ts):
 * ListExecutions' pages, and the RUNNING executions `resume()` continues after a restart.
 * The index is eventually consistent: a caller that acts on a status reads the record.
 */
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { sfnExecutionsByStatusPartition, sfnExecutionsByStatusPrefix } from '../../../functions/data/keys'
import { recordOfItem } from './journal-items'
import type { ExecutionRecord, ExecutionStatus } from './journal-types'

export interface ListQuery {
  stateMachineArn?: string
  status?: ExecutionStatus
  limit: number
  startKey?: Record<string, unknown>
}

export interface StatusIndex {
  running(): Promise<ExecutionRecord[]>
  /** One page of executions, newest first, optionally of one status and one state machine. */
  list(query: ListQuery): Promise<{ records: ExecutionRecord[]; nextKey?: Record<string, unknown> }>
}

export const createStatusIndex = (dynamo: DynamoDBDocumentClient, tableName: string): StatusIndex => ({
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
      records: (page.Items ?? []).map(recordOfItem),
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
      records.push(...(page.Items ?? []).map(recordOfItem))
      startKey = page.LastEvaluatedKey
    } while (startKey)
    return records
  },
})
