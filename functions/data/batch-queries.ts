/**
 * Reads of verval batches by area for the staff pages, all on gsi1 (`AREA#<kabupaten>#BATCH`,
 * sorted by kecamatan, program, period): the batches of a kecamatan or kabupaten, and the
 * last applied batch of a kecamatan+program before a period (the base of the batch diff).
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { areaLevel } from '../core/areas/area-code'
import type { BatchRecord } from '../core/verval/batch-record'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { queryPages } from './paginate'
import { recordOf } from './batch-repository'
import { batchesByAreaPartition, batchesByAreaPrefix } from './keys'

const table = () => env.mainTableName()

/** Whether batches of `area` can be listed by key: a kecamatan or a kabupaten/kota. */
export const listableArea = (area: string): boolean =>
  areaLevel(area) === 'district' || areaLevel(area) === 'regency'

/**
 * The newest `limit` batches (by kecamatan, program, period, descending) of a kecamatan
 * or a kabupaten/kota; nothing for other areas, which the caller narrows first.
 */
export const listBatchesInArea = async (area: string, limit = 100): Promise<BatchRecord[]> => {
  if (!listableArea(area)) return []
  const ofKecamatan = areaLevel(area) === 'district'
  const { Items } = await dynamo().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: ofKecamatan ? 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)' : 'gsi1pk = :pk',
      ExpressionAttributeValues: {
        ':pk': batchesByAreaPartition(area),
        ...(ofKecamatan ? { ':prefix': batchesByAreaPrefix(area) } : {}),
      },
      ScanIndexForward: false,
      Limit: limit,
    }),
  )
  return (Items ?? []).map(recordOf)
}

/**
 * The latest APPLIED batch of the kecamatan+program in a period before `period`: the
 * sort keys between `<kec>#<program>#` and `<kec>#<program>#<period>#` are exactly the
 * earlier periods (periods are fixed-width `YYYY-MM`), read newest first.
 */
export const previousAppliedBatch = async (batch: {
  kecamatan: string
  program: string
  period: string
}): Promise<BatchRecord | undefined> => {
  const pages = queryPages({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
    FilterExpression: '#status = :applied',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: {
      ':pk': batchesByAreaPartition(batch.kecamatan),
      ':from': batchesByAreaPrefix(batch.kecamatan, batch.program),
      ':to': batchesByAreaPrefix(batch.kecamatan, batch.program, batch.period),
      ':applied': 'APPLIED',
    },
    ScanIndexForward: false,
  })
  for await (const items of pages) {
    const found = items[0]
    if (found) return recordOf(found)
  }
  return undefined
}
