/**
 * The ADR 0007 backfill (runbook): items written before the report index existed get
 * their entries, a task closed before the backfill stays out of the queue, and a second
 * run changes nothing.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseRecord } from '../../../functions/core/case/case-record'
import type { TaskRecord } from '../../../functions/core/case/task-record'
import { caseItem } from '../../../functions/data/case-repository'
import { caseKey, taskKey } from '../../../functions/data/keys'
import { listCasesFiled, listOpenTasks } from '../../../functions/data/report-queries'
import { openTaskOnce } from '../../../functions/data/task-opening'
import { dynamo } from '../../../functions/shared/clients'
import { env } from '../../../functions/shared/env'
import { backfillReportIndex } from '../../../functions/triggers/report-index-backfill'
import { startTestPlatform, type TestPlatform } from '../../support/platform'

let platform: TestPlatform

beforeAll(async () => {
  platform = await startTestPlatform({ seed: false })
})
afterAll(async () => {
  await platform?.dispose()
})

const note = { action: 'TEST', actor: { id: 'system', role: 'system' as const }, correlationId: 'test' }
const task = (taskId: string): TaskRecord => ({
  taskId,
  caseId: 'case-backfill',
  reference: '320114-2026-999101',
  kind: 'APPROVAL',
  round: 1,
  status: 'OPEN',
  area: '32.01.14',
  assignees: [{ id: 'dinsos.bogor', role: 'dinsos', name: 'Dinsos', email: 'rehsos@dinsos.bogorkab.local' }],
  createdAt: '2026-03-02T03:00:00.000Z',
  dueAt: '2026-03-05T16:59:59.999Z',
  finalAt: '2026-04-01T03:00:00.000Z',
  milestones: [],
  done: [],
})

/** Takes an item back to before ADR 0007: without the index entry it now carries. */
const withoutEntry = async (key: { pk: string; sk: string }, index: 'gsi1' | 'gsi2', set?: string) =>
  dynamo().send(
    new UpdateCommand({
      TableName: env.mainTableName(),
      Key: key,
      UpdateExpression: `REMOVE ${index}pk, ${index}sk${set ? ` SET ${set}` : ''}`,
      ...(set
        ? { ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':s': 'DONE' } }
        : {}),
    }),
  )

const month = [new Date('2026-03-01T00:00:00Z'), new Date('2026-03-31T23:59:59Z')] as const

describe('the report index backfill of ADR 0007', () => {
  it('indexes old cases by filing time and old open tasks by due date, leaves closed tasks out, and is idempotent', async () => {
    const record = {
      caseId: 'case-backfill',
      kecamatan: '32.01.14',
      status: 'ASSESSMENT',
      createdAt: '2026-03-02T02:00:00.000Z',
      updatedAt: '2026-03-02T02:00:00.000Z',
    } as unknown as CaseRecord
    await dynamo().send(new PutCommand({ TableName: env.mainTableName(), Item: caseItem(record) }))
    await withoutEntry(caseKey(record.caseId), 'gsi2')
    const open = task('01TESTBACKFILLOPENTASK0001')
    const closed = task('01TESTBACKFILLDONETASK0001')
    await openTaskOnce(open, 'test:open', { awaited: false, note })
    await openTaskOnce(closed, 'test:closed', { awaited: false, note })
    await withoutEntry(taskKey(open.taskId), 'gsi1')
    await withoutEntry(taskKey(closed.taskId), 'gsi1', '#status = :s')
    expect(await listCasesFiled('32.01', ...month)).toEqual([])
    expect(await listOpenTasks('32.01')).toEqual([])

    expect(await backfillReportIndex()).toEqual({ cases: 1, openTasks: 1, skipped: 0 })

    expect((await listCasesFiled('32.01', ...month)).map((c) => c.caseId)).toEqual([record.caseId])
    expect((await listOpenTasks('32.01')).map((t) => t.taskId)).toEqual([open.taskId])
    const filed = await dynamo().send(
      new GetCommand({ TableName: env.mainTableName(), Key: caseKey(record.caseId) }),
    )
    expect(filed.Item).toMatchObject({ gsi2pk: caseItem(record).gsi2pk, gsi2sk: caseItem(record).gsi2sk })
    expect(await backfillReportIndex()).toEqual({ cases: 0, openTasks: 0, skipped: 0 })
  })
})
