/**
 * Opening a task, once per workflow step, with its assignment items, audit entry and
 * outbox mails (ADR 0018) in one transaction; and storing the token of each wait on it.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { TaskRecord } from '../core/case/task-record'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { appendAudit, type TransactItem } from './audit-repository'
import { caseKey, caseStepMarkerKey, openTasksByAreaEntry, taskKey } from './keys'
import { assignmentPut } from './task-assignments'
import { type AuditNote, auditOn, hasOwnChain } from './task-audit'
import { getTask, getTaskOfStep } from './task-repository'
import { isConditionFailure, namedItems } from './transaction-errors'

const table = () => env.mainTableName()

/**
 * Opens the task a workflow step asks for, once per `stepKey`: a replay gets the task
 * the first run opened. Awaited tasks become the case's `currentTaskId`. The case must
 * still be open when the task is written (a withdrawal may close it between the step's
 * read and this write): `undefined` when it is closed, and nothing is written or mailed.
 */
export const openTaskOnce = async (
  task: TaskRecord,
  stepKey: string,
  options: { awaited: boolean; note: AuditNote; mails?: readonly TransactItem[] },
): Promise<TaskRecord | undefined> => {
  // The follow-up is opened on the case a result closed (ADR 0037), every other task on an open case.
  const followUp = task.kind === 'FOLLOW_UP'
  const caseOpen = {
    TableName: table(),
    Key: caseKey(task.caseId),
    ConditionExpression: followUp
      ? 'attribute_exists(pk) AND #status = :closed AND attribute_not_exists(#anonymisedAt)'
      : 'attribute_exists(pk) AND #status <> :closed',
    ExpressionAttributeNames: {
      '#status': 'status',
      ...(followUp ? { '#anonymisedAt': 'anonymisedAt' } : {}),
    },
  }
  const transaction = namedItems({
    marker: {
      Put: {
        TableName: table(),
        Item: { ...caseStepMarkerKey(task.caseId, stepKey), taskId: task.taskId },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    // One item per key in a transaction: the awaited task's update of the case carries
    // the condition, the others check it.
    case: options.awaited
      ? {
          Update: {
            ...caseOpen,
            ...(followUp
              ? {
                  UpdateExpression: 'SET followUp = :followUp',
                  ExpressionAttributeValues: {
                    ':followUp': { taskId: task.taskId, round: task.round },
                    ':closed': 'CLOSED',
                  },
                }
              : {
                  UpdateExpression: 'SET currentTaskId = :taskId',
                  ExpressionAttributeValues: { ':taskId': task.taskId, ':closed': 'CLOSED' },
                }),
          },
        }
      : { ConditionCheck: { ...caseOpen, ExpressionAttributeValues: { ':closed': 'CLOSED' } } },
  })
  const items: TransactItem[] = [
    ...transaction.items,
    {
      Put: {
        TableName: table(),
        Item: {
          ...taskKey(task.taskId),
          ...openTasksByAreaEntry(task.area, task.dueAt, task.taskId),
          ...task,
          done: undefined,
        },
      },
    },
    ...task.assignees.map((person) => assignmentPut(task, person)),
    ...(options.mails ?? []),
  ]
  try {
    // A task with a chain of its own is opened under a fresh id: its chain is empty, no head to read.
    await appendAudit(auditOn(task, options.note), { alongWith: items, newEntity: hasOwnChain(task) })
    return task
  } catch (error) {
    if (transaction.failed(error, 'marker')) {
      const existing = await getTaskOfStep(task.caseId, stepKey)
      if (!existing) throw error
      return existing
    }
    if (transaction.failed(error, 'case')) return undefined
    throw error
  }
}

/** Stores the token of the workflow's current wait; the task as it is when it is no longer open. */
export const storeToken = async (
  taskId: string,
  token: string,
  at: string,
): Promise<TaskRecord | undefined> => {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: table(),
        Key: taskKey(taskId),
        UpdateExpression: 'SET #token = :token, tokenAt = :at',
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#token': 'token', '#status': 'status' },
        ExpressionAttributeValues: { ':token': token, ':at': at, ':open': 'OPEN' },
      }),
    )
    return undefined
  } catch (error) {
    if (!isConditionFailure(error)) throw error
    return getTask(taskId)
  }
}
