/**
 * One-off backfill of the two report index entries of ADR 0007: case items written
 * before that change have no filing-time entry (gsi2 `AREA#<kab>#FILED`), so the
 * dashboard and the laporan miss them; tasks still OPEN from before it have no sparse
 * open-task entry (gsi1 `AREA#<kab>#OPENTASK`), so the approval queue and the overdue
 * count miss them. It Scans the main table once, so it is an operator's script run by
 * hand (runbook), never a request or job path.
 *
 * Every write states its precondition: a case gets its entry only while it has none; a
 * task only while it is still OPEN and has none, so a task closed while the script runs
 * never re-enters the queue. Re-running it writes nothing new.
 *
 *   MAIN_TABLE_NAME=… AWS_REGION=ap-southeast-3 npm run backfill:report-index
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { caseKey, casesByFilingEntry, openTasksByAreaEntry, taskKey } from '../data/keys'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'

export interface ReportIndexBackfill {
  cases: number
  openTasks: number
  /** Items that changed between the Scan and the write (closed, or indexed by the running system). */
  skipped: number
}

/** Sets `entry` on the item at `key` if `condition` still holds; false when it no longer does. */
const setEntry = async (
  key: { pk: string; sk: string },
  entry: Record<string, string>,
  condition: string,
  values: Record<string, unknown> = {},
): Promise<boolean> => {
  const names = Object.keys(entry)
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: env.mainTableName(),
        Key: key,
        UpdateExpression: `SET ${names.map((name) => `${name} = :${name}`).join(', ')}`,
        ConditionExpression: `attribute_exists(pk) AND attribute_not_exists(${names[0]}) AND ${condition}`,
        // DynamoDB refuses a name the expressions do not use.
        ...(condition.includes('#status') ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
        ExpressionAttributeValues: {
          ...Object.fromEntries(names.map((name) => [`:${name}`, entry[name]])),
          ...values,
        },
      }),
    )
    return true
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false
    throw error
  }
}

export const backfillReportIndex = async (): Promise<ReportIndexBackfill> => {
  const result: ReportIndexBackfill = { cases: 0, openTasks: 0, skipped: 0 }
  const caseSk = caseKey('').sk
  const taskSk = taskKey('').sk
  let startKey: Record<string, unknown> | undefined
  do {
    const { Items, LastEvaluatedKey } = await dynamo().send(
      new ScanCommand({
        TableName: env.mainTableName(),
        FilterExpression:
          '(sk = :case AND attribute_not_exists(gsi2pk)) OR ' +
          '(sk = :task AND #status = :open AND attribute_not_exists(gsi1pk))',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':case': caseSk, ':task': taskSk, ':open': 'OPEN' },
        ProjectionExpression: 'sk, caseId, kecamatan, createdAt, taskId, area, dueAt',
        ExclusiveStartKey: startKey,
      }),
    )
    for (const item of Items ?? []) {
      if (item.sk === caseSk) {
        const caseId = String(item.caseId)
        const done = await setEntry(
          caseKey(caseId),
          casesByFilingEntry(String(item.kecamatan), String(item.createdAt), caseId),
          'attribute_exists(createdAt)',
        )
        if (done) result.cases += 1
        else result.skipped += 1
      } else {
        const taskId = String(item.taskId)
        const done = await setEntry(
          taskKey(taskId),
          openTasksByAreaEntry(String(item.area), String(item.dueAt), taskId),
          '#status = :open',
          { ':open': 'OPEN' },
        )
        if (done) result.openTasks += 1
        else result.skipped += 1
      }
    }
    startKey = LastEvaluatedKey
  } while (startKey)
  return result
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { cases, openTasks, skipped } = await backfillReportIndex()
  console.log(
    `report index: ${cases} case(s) given their filing entry, ${openTasks} open task(s) their queue entry, ${skipped} skipped`,
  )
}
