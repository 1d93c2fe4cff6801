/**
 * Lists of cases (DESIGN §4 `GET /api/cases`): one gsi1 Query of a kabupaten/kota's
 * partition, a kecamatan's by prefix, with a cursor that resumes only that query.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { CaseStatus } from '../core/catalog/case-statuses'
import type { CaseRecord } from '../core/case/case-record'
import type { CaseKind } from '../core/case/case-kind'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { recordOf } from './case-repository'
import { decodeCursor, nextCursorOf } from './cursor'
import { casesByAreaPartition, casesByKecamatanPrefix } from './keys'

const table = () => env.mainTableName()

export interface CasePage {
  items: CaseRecord[]
  nextCursor: string | null
}

/**
 * What a case list filters after reading the index: the status across a kabupaten (within
 * one kecamatan it is part of the sort key) and the kind (issue 15 item 6; a case without
 * one is a service request, `LAYANAN`). A filtered page may hold fewer than `limit` cases;
 * its cursor goes on.
 */
const listFilter = (status: CaseStatus | undefined, kind: CaseKind | undefined) => {
  const conditions: string[] = []
  const names: Record<string, string> = {}
  const values: Record<string, string> = {}
  if (status !== undefined) {
    conditions.push('#status = :status')
    names['#status'] = 'status'
    values[':status'] = status
  }
  if (kind !== undefined) {
    conditions.push(kind === 'LAYANAN' ? '(attribute_not_exists(#kind) OR #kind = :kind)' : '#kind = :kind')
    names['#kind'] = 'kind'
    values[':kind'] = kind
  }
  return conditions.length === 0
    ? undefined
    : { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names, values }
}

/** Cases of a kabupaten (optionally one kecamatan, one status and one kind), newest change last within a kecamatan. */
export const listCases = async (query: {
  kabupaten: string
  kecamatan?: string
  status?: CaseStatus
  kind?: CaseKind
  limit: number
  cursor?: string
}): Promise<CasePage> => {
  const byKecamatan = query.kecamatan !== undefined
  const partition = casesByAreaPartition(query.kabupaten)
  const prefix = byKecamatan ? casesByKecamatanPrefix(query.kecamatan ?? '', query.status) : ''
  // A cursor resumes only this query: the kabupaten's partition, the kecamatan's prefix.
  const startKey =
    query.cursor === undefined
      ? undefined
      : decodeCursor(
          query.cursor,
          [['pk', 'sk', 'gsi1pk', 'gsi1sk']],
          (key) => key.gsi1pk === partition && (key.gsi1sk ?? '').startsWith(prefix),
        )
  const filter = listFilter(byKecamatan ? undefined : query.status, query.kind)
  const { Items, LastEvaluatedKey } = await dynamo().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: byKecamatan ? 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)' : 'gsi1pk = :pk',
      ...(filter
        ? {
            FilterExpression: filter.FilterExpression,
            ExpressionAttributeNames: filter.ExpressionAttributeNames,
          }
        : {}),
      ExpressionAttributeValues: {
        ':pk': partition,
        ...(byKecamatan ? { ':prefix': prefix } : {}),
        ...filter?.values,
      },
      Limit: query.limit,
      ExclusiveStartKey: startKey,
    }),
  )
  return { items: (Items ?? []).map(recordOf), nextCursor: nextCursorOf(LastEvaluatedKey) }
}
