/**
 * The task item (DESIGN §2 "Human tasks") read back: by its id, or by the step marker
 * of the workflow step that opened it. Opening is in `task-opening.ts`, closing in
 * `task-closing.ts`, the changes of an open task in `task-changes.ts`, assignment items
 * in `task-assignments.ts`.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { TaskRecord } from '../core/case/task-record'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { itemCodec } from './item-codec'
import { caseStepMarkerKey, taskKey } from './keys'

const table = () => env.mainTableName()

/** `done` (the milestones passed) is stored as a string set, absent while empty. */
export const taskOf = itemCodec<TaskRecord>({
  normalise: (task) => ({ ...task, done: [...(task.done ?? [])] }),
})

export const getTask = async (taskId: string): Promise<TaskRecord | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: table(), Key: taskKey(taskId), ConsistentRead: true }),
  )
  return Item ? taskOf(Item) : undefined
}

/** The task a workflow step opened for a case (its step marker names it), if it opened one. */
export const getTaskOfStep = async (caseId: string, stepKey: string): Promise<TaskRecord | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: table(), Key: caseStepMarkerKey(caseId, stepKey), ConsistentRead: true }),
  )
  return Item ? getTask(Item.taskId as string) : undefined
}
