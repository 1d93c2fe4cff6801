/**
 * The reads of the dashboard, the laporan and the approval queue (ADR 0007). Each is a
 * Query on a key condition of one kabupaten/kota partition, never a Scan:
 * - cases filed between two instants (gsi2 `AREA#<kab>#FILED`, range on the filing time);
 * - open tasks (gsi1 `AREA#<kab>#OPENTASK`, sparse: only OPEN tasks carry it), optionally
 *   due before an instant;
 * - verval batches (gsi1 `AREA#<kab>#BATCH`, optionally one kecamatan).
 * Pages are followed to the end: the sets are one kabupaten's month, bounded by workload.
 */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb'
import type { CaseRecord } from '../core/case/case-record'
import type { TaskRecord } from '../core/case/task-record'
import type { BatchRecord } from '../core/verval/batch-record'
import type { ServiceCode } from '../core/catalog/services'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { recordOf as batchOf } from './batch-repository'
import { recordOf as caseOf } from './case-repository'
import {
  batchesByAreaPartition,
  batchesByAreaPrefix,
  caseKey,
  casesByFilingBound,
  casesByFilingPartition,
  openTasksByAreaPartition,
  openTasksDueBound,
} from './keys'
import { queryAll } from './paginate'
import { taskOf } from './task-repository'

const table = () => env.mainTableName()

/** Cases of a kabupaten filed from `from` to `to` (both inclusive), oldest first. */
export const listCasesFiled = async (kabupaten: string, from: Date, to: Date): Promise<CaseRecord[]> => {
  // `~` sorts after `#` and every digit: the upper bound takes in every case filed at `to`.
  const items = await queryAll({
    TableName: table(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to',
    ExpressionAttributeValues: {
      ':pk': casesByFilingPartition(kabupaten),
      ':from': casesByFilingBound(from.toISOString()),
      ':to': `${casesByFilingBound(to.toISOString())}~`,
    },
  })
  return items.map(caseOf)
}

/** Open tasks of a kabupaten, soonest due first; with `dueBefore`, only those due before it. */
export const listOpenTasks = async (kabupaten: string, dueBefore?: Date): Promise<TaskRecord[]> => {
  const items = await queryAll({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: dueBefore ? 'gsi1pk = :pk AND gsi1sk < :due' : 'gsi1pk = :pk',
    ExpressionAttributeValues: {
      ':pk': openTasksByAreaPartition(kabupaten),
      ...(dueBefore ? { ':due': openTasksDueBound(dueBefore.toISOString()) } : {}),
    },
  })
  return items.map(taskOf)
}

/** Verval batches of a kabupaten (or one kecamatan of it), every period. */
export const listBatches = async (kabupaten: string, kecamatan?: string): Promise<BatchRecord[]> => {
  const items = await queryAll({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: kecamatan ? 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)' : 'gsi1pk = :pk',
    ExpressionAttributeValues: {
      ':pk': batchesByAreaPartition(kabupaten),
      ...(kecamatan ? { ':prefix': batchesByAreaPrefix(kecamatan) } : {}),
    },
  })
  return items.map(batchOf)
}

const BATCH_GET_LIMIT = 100

/** Items of the given cases with only the projected attributes, by BatchGetItem (100 keys a call). */
const projectCases = async (
  caseIds: readonly string[],
  projection: { expression: string; names: Record<string, string> },
): Promise<Record<string, unknown>[]> => {
  const found: Record<string, unknown>[] = []
  const unique = [...new Set(caseIds)]
  for (let start = 0; start < unique.length; start += BATCH_GET_LIMIT) {
    let keys: Record<string, unknown>[] | undefined = unique
      .slice(start, start + BATCH_GET_LIMIT)
      .map((caseId) => ({ ...caseKey(caseId) }))
    while (keys && keys.length > 0) {
      const result = await dynamo().send(
        new BatchGetCommand({
          RequestItems: {
            [table()]: {
              Keys: keys,
              ProjectionExpression: projection.expression,
              ExpressionAttributeNames: projection.names,
            },
          },
        }),
      )
      found.push(...(result.Responses?.[table()] ?? []))
      keys = result.UnprocessedKeys?.[table()]?.Keys as Record<string, unknown>[] | undefined
    }
  }
  return found
}

/** The service of each case (the queue shows it; tasks do not carry it). */
export const servicesOfCases = async (caseIds: readonly string[]): Promise<Map<string, ServiceCode>> => {
  const items = await projectCases(caseIds, {
    expression: 'caseId, #service',
    names: { '#service': 'service' },
  })
  return new Map(items.map((item) => [item.caseId as string, item.service as ServiceCode]))
}

/** The applicant's desa of each case (the TKSK's agenda names it; tasks do not carry it). */
export const villagesOfCases = async (caseIds: readonly string[]): Promise<Map<string, string>> => {
  const items = await projectCases(caseIds, {
    expression: 'caseId, #applicant.#village',
    names: { '#applicant': 'applicant', '#village': 'villageCode' },
  })
  return new Map(
    items.map((item) => [item.caseId as string, (item.applicant as { villageCode: string }).villageCode]),
  )
}
