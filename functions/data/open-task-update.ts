/**
 * The update of a task that holds only while it is still OPEN, and the status change
 * built on it (the task with its assignment items).
 */
import type { TaskRecord, TaskStatus } from '../core/case/task-record'
import { env } from '../shared/env'
import type { TransactItem } from './audit-repository'
import { taskKey } from './keys'
import { assignmentPut } from './task-assignments'

const table = () => env.mainTableName()

/**
 * An Update of `fields` on a task, only while it is still OPEN: the precondition of every
 * change after opening. `remove` drops attributes (the open-task index entry on closing).
 */
export const updateOpenTask = (
  taskId: string,
  fields: Record<string, unknown>,
  remove: readonly string[] = [],
): TransactItem => {
  const names: Record<string, string> = { '#status': 'status' }
  const values: Record<string, unknown> = { ':open': 'OPEN' }
  const sets = Object.entries(fields).map(([field, value], index) => {
    names[`#f${index}`] = field
    values[`:f${index}`] = value
    return `#f${index} = :f${index}`
  })
  return {
    Update: {
      TableName: table(),
      Key: taskKey(taskId),
      UpdateExpression: `SET ${sets.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
      ConditionExpression: '#status = :open',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  }
}

export const statusUpdate = (
  task: TaskRecord,
  status: TaskStatus,
  set: Record<string, unknown>,
): TransactItem[] => [
  // A closed task leaves the open-task index (its entry is sparse).
  updateOpenTask(task.taskId, { status, ...set }, status === 'OPEN' ? [] : ['gsi1pk', 'gsi1sk']),
  ...task.assignees.map((person) => assignmentPut(task, person, status)),
]
