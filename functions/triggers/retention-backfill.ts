/**
 * One-off backfill of the retention schedule (ADR 0006): cases closed before the
 * schedule existed have no schedule item, so the daily job would never see them. This
 * writes one for every closed, not yet anonymised case. It Scans the main table once,
 * which is why it is an operator's script run by hand (runbook), never a request or job
 * path. Idempotent: an existing item is rewritten with the same key and values.
 *
 *   MAIN_TABLE_NAME=… AWS_REGION=ap-southeast-3 npx tsx functions/triggers/retention-backfill.ts
 */
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb'
import { caseKey } from '../data/keys'
import { retentionSchedulePutItem } from '../data/retention-repository'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'

export const backfillRetentionSchedule = async (): Promise<number> => {
  let written = 0
  let startKey: Record<string, unknown> | undefined
  do {
    const { Items, LastEvaluatedKey } = await dynamo().send(
      new ScanCommand({
        TableName: env.mainTableName(),
        FilterExpression:
          'sk = :case AND #status = :closed AND attribute_exists(closedAt) AND attribute_not_exists(anonymisedAt)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':case': caseKey('').sk, ':closed': 'CLOSED' },
        ProjectionExpression: 'caseId, closedAt',
        ExclusiveStartKey: startKey,
      }),
    )
    for (const item of Items ?? []) {
      const put = retentionSchedulePutItem(String(item.caseId), String(item.closedAt)).Put
      if (put) await dynamo().send(new PutCommand(put))
      written += 1
    }
    startKey = LastEvaluatedKey
  } while (startKey)
  return written
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const written = await backfillRetentionSchedule()
  console.log(`retention schedule: ${written} closed case(s) scheduled`)
}
