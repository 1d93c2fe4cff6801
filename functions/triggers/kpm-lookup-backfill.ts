/**
 * One-off backfill of the registry's lookup items (ADR 0019): records applied before
 * the lookups existed have none, so validation would not see their NIK active in
 * another kecamatan nor their KK held. This writes both lookups of every active record.
 * It Scans the main table once, which is why it is an operator's script run by hand
 * before the first verval after the deploy, never a request or job path. Idempotent: a
 * lookup is rewritten with the same key and values.
 *
 *   MAIN_TABLE_NAME=… AWS_REGION=ap-southeast-3 npx tsx functions/triggers/kpm-lookup-backfill.ts
 */
import type { KpmRecord } from '../core/verval/kpm-record'
import { putAll } from '../data/batch-write'
import { kpmPartitionPrefix } from '../data/keys'
import { lookupItemsOf } from '../data/kpm-repository'
import { scanPages } from '../data/paginate'
import { env } from '../shared/env'

export const backfillKpmLookups = async (): Promise<number> => {
  let written = 0
  const pages = scanPages({
    TableName: env.mainTableName(),
    FilterExpression: 'begins_with(pk, :kpm) AND #status = :active',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':kpm': kpmPartitionPrefix, ':active': 'ACTIVE' },
    ProjectionExpression: 'program, kecamatan, nikRef, kkRef',
  })
  for await (const items of pages) {
    const records = items as Pick<KpmRecord, 'program' | 'kecamatan' | 'nikRef' | 'kkRef'>[]
    await putAll(env.mainTableName(), records.flatMap(lookupItemsOf))
    written += records.length
  }
  return written
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const written = await backfillKpmLookups()
  console.log(`KPM lookups: ${written} active record(s) indexed`)
}
