/**
 * One-off backfill of the retention schedule (ADR 0006): cases closed before the
 * schedule existed have no schedule item, so the daily job would never see them. This
 * writes one for every closed, not yet anonymised case. It Scans the main table once,
 * which is why it is an operator's script run by hand (runbook), never a request or job
 * path. Idempotent: an existing item is rewritten with the same key and values.
 *
 *   MAIN_TABLE_NAME=… AWS_REGION=ap-southeast-3 npx tsx functions/triggers/retention-backfill.ts
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb'
import { caseKey } from '../data/keys'
import { scanPages } from '../data/paginate'
import { retentionSchedulePutItem } from '../data/retention-repository'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'

export const backfillRetentionSchedule = async (): Promise<number> => {
  let written = 0
  const pages = scanPages({
    TableName: env.mainTableName(),
    FilterExpression:
      'sk = :case AND #status = :closed AND attribute_exists(closedAt) AND attribute_not_exists(anonymisedAt)',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':case': caseKey('').sk, ':closed': 'CLOSED' },
    ProjectionExpression: 'caseId, closedAt',
  })
  for await (const items of pages) {
    for (const item of items) {
      const put = retentionSchedulePutItem(String(item.caseId), String(item.closedAt)).Put
      if (put) await dynamo().send(new PutCommand(put))
      written += 1
    }
  }
  return written
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const written = await backfillRetentionSchedule()
  console.log(`retention schedule: ${written} closed case(s) scheduled`)
}
