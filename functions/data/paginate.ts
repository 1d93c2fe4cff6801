/**
 * Reading every page of a Query or a Scan, so each repository and operator script states
 * what it reads and never writes the `LastEvaluatedKey` loop again.
 */
import {
  paginateQuery,
  paginateScan,
  type QueryCommandInput,
  type ScanCommandInput,
} from '@aws-sdk/lib-dynamodb'
import { dynamo } from '../shared/clients'

type Item = Record<string, unknown>

/** The items of a Query, page by page: a reader that may stop early stops reading too. */
export async function* queryPages(
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
): AsyncGenerator<Item[]> {
  for await (const page of paginateQuery({ client: dynamo() }, input)) yield page.Items ?? []
}

/** Every item a Query matches, in the Query's order (the caller bounds it by its key condition). */
export const queryAll = async (input: Omit<QueryCommandInput, 'ExclusiveStartKey'>): Promise<Item[]> => {
  const items: Item[] = []
  for await (const page of queryPages(input)) items.push(...page)
  return items
}

/**
 * The items of a Scan, page by page, so an operator's backfill handles one page before
 * reading the next instead of holding the whole table.
 */
export async function* scanPages(input: Omit<ScanCommandInput, 'ExclusiveStartKey'>): AsyncGenerator<Item[]> {
  for await (const page of paginateScan({ client: dynamo() }, input)) yield page.Items ?? []
}

/** Every item of a gsi1 partition, or of the part of it whose sort key starts with `skPrefix`. */
export const queryGsi1 = (
  TableName: string,
  query: { gsi1pk: string; gsi1skPrefix?: string },
): Promise<Item[]> =>
  queryAll({
    TableName,
    IndexName: 'gsi1',
    KeyConditionExpression: query.gsi1skPrefix
      ? 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)'
      : 'gsi1pk = :pk',
    ExpressionAttributeValues: {
      ':pk': query.gsi1pk,
      ...(query.gsi1skPrefix ? { ':prefix': query.gsi1skPrefix } : {}),
    },
  })
