/**
 * A workflow step opens a task only on a case that is still open (issue 15): a
 * withdrawal may close the case between the step's read and its write, and the adminduk
 * referral (not awaited) or an awaited task must then be neither written nor mailed.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseRecord } from '../../../functions/core/case/case-record'
import type { TaskRecord } from '../../../functions/core/case/task-record'
import { caseItem } from '../../../functions/data/case-repository'
import { getTask, getTaskOfStep } from '../../../functions/data/task-repository'
import { openTaskOnce } from '../../../functions/data/task-opening'
import { dynamo } from '../../../functions/shared/clients'
import { env } from '../../../functions/shared/env'
import { startTestPlatform, type TestPlatform } from '../../support/platform'

let platform: TestPlatform

beforeAll(async () => {
  platform = await startTestPlatform()
})
afterAll(async () => {
  await platform?.dispose()
})

const note = {
  action: 'TASK_CREATED',
  actor: { id: 'system', role: 'system' as const },
  correlationId: 'test',
}

const putCase = async (caseId: string, status: string) =>
  dynamo().send(
    new PutCommand({
      TableName: env.mainTableName(),
      Item: caseItem({
        caseId,
        kecamatan: '32.01.14',
        status,
        createdAt: '2026-03-02T02:00:00.000Z',
        updatedAt: '2026-03-02T03:00:00.000Z',
      } as unknown as CaseRecord),
    }),
  )

const taskOn = (caseId: string, taskId: string, kind: TaskRecord['kind']): TaskRecord => ({
  taskId,
  caseId,
  reference: '320114-2026-999101',
  kind,
  round: 1,
  status: 'OPEN',
  area: '32.01.14',
  assignees: [{ id: 'desa-cibeber', role: 'provider', name: 'Desa Cibeber', email: 'desa@desa.local' }],
  createdAt: '2026-03-02T03:00:00.000Z',
  dueAt: '2026-03-09T16:59:59.999Z',
  finalAt: '2026-04-01T03:00:00.000Z',
  milestones: [],
  done: [],
})

describe('opening a task on a case a withdrawal just closed', () => {
  it('writes no adminduk referral: the step learns the case is closed', async () => {
    await putCase('case-closed-adminduk', 'CLOSED')
    const task = taskOn('case-closed-adminduk', '01TESTCLOSEDADMINDUK000001', 'ADMINDUK_REFERRAL')
    const opened = await openTaskOnce(task, 'ADMINDUK_REFERRAL#1', { awaited: false, note })
    expect(opened).toBeUndefined()
    expect(await getTaskOfStep(task.caseId, 'ADMINDUK_REFERRAL#1')).toBeUndefined()
    expect(await getTask(task.taskId)).toBeUndefined()
  })

  it('writes no awaited task either, and leaves an open case to open its task', async () => {
    await putCase('case-closed-awaited', 'CLOSED')
    const closed = taskOn('case-closed-awaited', '01TESTCLOSEDAWAITED0000001', 'ASSESSMENT')
    expect(await openTaskOnce(closed, 'ASSESSMENT#1', { awaited: true, note })).toBeUndefined()
    expect(await getTask(closed.taskId)).toBeUndefined()

    await putCase('case-open-awaited', 'ASSESSMENT')
    const open = taskOn('case-open-awaited', '01TESTOPENAWAITED000000001', 'ASSESSMENT')
    expect((await openTaskOnce(open, 'ASSESSMENT#1', { awaited: true, note }))?.taskId).toBe(open.taskId)
    expect((await getTask(open.taskId))?.status).toBe('OPEN')
  })
})
