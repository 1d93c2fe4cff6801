/**
 * One assignment item per assignee of a task (gsi2, for `GET /api/tasks`): written with
 * every change of the task's status or assignees, listed by assignee and status.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { Person } from '../core/case/case-record'
import type { TaskRecord, TaskStatus } from '../core/case/task-record'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import type { TransactItem } from './audit-repository'
import { decodeCursor, nextCursorOf } from './cursor'
import {
  taskAssignmentKey,
  tasksByAssigneeEntry,
  tasksByAssigneePartition,
  tasksByAssigneeStatusPrefix,
} from './keys'

const table = () => env.mainTableName()

/** The Put of a person's assignment item, in the task's status unless another is given. */
export const assignmentPut = (
  task: TaskRecord,
  person: Person,
  status: TaskStatus = task.status,
): TransactItem => ({
  Put: {
    TableName: table(),
    Item: {
      ...taskAssignmentKey(task.taskId, person.id),
      ...tasksByAssigneeEntry(person.id, status, task.dueAt, task.taskId),
      taskId: task.taskId,
      caseId: task.caseId,
      reference: task.reference,
      kind: task.kind,
      dueAt: task.dueAt,
      status,
    },
  },
})

export interface AssignmentItem {
  taskId: string
  caseId: string
  reference: string
  kind: string
  dueAt: string
  status: TaskStatus
}

export const listAssignments = async (query: {
  assigneeId: string
  status: TaskStatus
  limit: number
  cursor?: string
}) => {
  const partition = tasksByAssigneePartition(query.assigneeId)
  const prefix = tasksByAssigneeStatusPrefix(query.status)
  // A cursor resumes only this query: the caller's own assignments in this status.
  const startKey =
    query.cursor === undefined
      ? undefined
      : decodeCursor(
          query.cursor,
          [['pk', 'sk', 'gsi2pk', 'gsi2sk']],
          (key) => key.gsi2pk === partition && (key.gsi2sk ?? '').startsWith(prefix),
        )
  const { Items, LastEvaluatedKey } = await dynamo().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': partition,
        ':prefix': prefix,
      },
      Limit: query.limit,
      ExclusiveStartKey: startKey,
    }),
  )
  const items = (Items ?? []).map(({ taskId, caseId, reference, kind, dueAt, status }) => ({
    taskId,
    caseId,
    reference,
    kind,
    dueAt,
    status,
  })) as AssignmentItem[]
  return { items, nextCursor: nextCursorOf(LastEvaluatedKey) }
}
