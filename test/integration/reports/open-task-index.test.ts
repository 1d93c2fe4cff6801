/**
 * The sparse open-task index of ADR 0007 follows a task's life: it appears when the task
 * opens, moves with an extended due date, and disappears when the task is decided, so the
 * approval queue and the overdue count never show a closed task.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseRecord } from '../../../functions/core/case/case-record'
import type { TaskRecord } from '../../../functions/core/case/task-record'
import { caseItem } from '../../../functions/data/case-repository'
import { listOpenTasks } from '../../../functions/data/report-queries'
import { closeTask } from '../../../functions/data/task-closing'
import { openTaskOnce } from '../../../functions/data/task-opening'
import { rescheduleTask } from '../../../functions/data/task-changes'
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

const note = { action: 'TEST', actor: { id: 'system', role: 'system' as const }, correlationId: 'test' }
const task: TaskRecord = {
  taskId: '01TESTOPENTASKINDEX0000001',
  caseId: 'case-open-task-index',
  reference: '320114-2026-999001',
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
}
const ids = (tasks: readonly TaskRecord[]) => tasks.map((t) => t.taskId)

describe('the open tasks of a kabupaten', () => {
  it('hold a task from opening to deciding, by its current due date', async () => {
    // A task opens only on an open case.
    const at = task.createdAt
    const record = {
      caseId: task.caseId,
      kecamatan: task.area,
      status: 'APPROVAL',
      createdAt: at,
      updatedAt: at,
    }
    await dynamo().send(
      new PutCommand({ TableName: env.mainTableName(), Item: caseItem(record as unknown as CaseRecord) }),
    )
    await openTaskOnce(task, 'test:open', { awaited: false, note })
    expect(ids(await listOpenTasks('32.01'))).toEqual([task.taskId])
    expect(ids(await listOpenTasks('18.71'))).toEqual([])
    expect(ids(await listOpenTasks('32.01', new Date(task.dueAt)))).toEqual([])
    expect(ids(await listOpenTasks('32.01', new Date('2026-03-06T00:00:00Z')))).toEqual([task.taskId])

    const dueAt = '2026-03-10T16:59:59.999Z'
    await rescheduleTask(task, { schedule: { dueAt, finalAt: task.finalAt, milestones: [] } }, note)
    expect(ids(await listOpenTasks('32.01', new Date('2026-03-06T00:00:00Z')))).toEqual([])
    const [moved] = await listOpenTasks('32.01', new Date('2026-03-11T00:00:00Z'))
    expect(moved?.dueAt).toBe(dueAt)

    const decided = await closeTask({ ...task, dueAt }, 'DECIDED', { at: '2026-03-09T03:00:00.000Z' }, note)
    expect(decided.decided).toBe(true)
    expect(await listOpenTasks('32.01')).toEqual([])
  })
})
