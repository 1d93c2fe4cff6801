/**
 * Changes of an open task short of closing it: milestones settled (reminders,
 * escalations), a new schedule or assignee, a hand-over to another assignee. Each is
 * conditioned on the task (still OPEN, milestone not settled yet) and carries its audit
 * entry.
 */
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { Person } from '../core/case/case-record'
import type { TaskRecord } from '../core/case/task-record'
import type { MarkedSchedule } from '../core/case/task-schedule'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { appendAudit, type TransactItem } from './audit-repository'
import { openTasksByAreaEntry, taskAssignmentKey, taskKey } from './keys'
import { updateOpenTask } from './open-task-update'
import { assignmentPut } from './task-assignments'
import { type AuditNote, auditOn } from './task-audit'
import { failedConditionAt, isConditionFailure } from './transaction-errors'

const table = () => env.mainTableName()

/**
 * Marks milestones done, with the audit entry of what was done and any extra writes
 * (an escalation's new assignee), once: false when another run marked them first.
 */
export const settleMilestones = async (
  task: TaskRecord,
  ids: readonly string[],
  note: AuditNote | undefined,
  extra: { addAssignee?: Person; mails?: readonly TransactItem[] } = {},
): Promise<boolean> => {
  if (ids.length === 0) return true
  const values: Record<string, unknown> = { ':ids': new Set(ids) }
  const conditions = ids.map((id, index) => {
    values[`:id${index}`] = id
    return `NOT contains(#done, :id${index})`
  })
  let update = 'ADD #done :ids'
  const names: Record<string, string> = { '#done': 'done' }
  const items: TransactItem[] = []
  if (extra.addAssignee) {
    update = `SET #assignees = list_append(#assignees, :assignee) ${update}`
    names['#assignees'] = 'assignees'
    values[':assignee'] = [extra.addAssignee]
    items.push(assignmentPut(task, extra.addAssignee))
  }
  items.push(...(extra.mails ?? []))
  const settle: TransactItem = {
    Update: {
      TableName: table(),
      Key: taskKey(task.taskId),
      UpdateExpression: update,
      ConditionExpression: `attribute_not_exists(#done) OR (${conditions.join(' AND ')})`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  }
  try {
    if (note) await appendAudit(auditOn(task, note), { alongWith: [settle, ...items] })
    else if (items.length === 0) await dynamo().send(new UpdateCommand(settle.Update as never))
    else throw new Error('a settlement that adds an assignee or mails someone carries its audit note')
    return true
  } catch (error) {
    if (failedConditionAt(error, 0) || isConditionFailure(error)) return false
    throw error
  }
}

/**
 * EXTEND or REASSIGN of an assessment (by the escalation): a new schedule and/or
 * assignee, with the outbox mails `mailsFor` makes of the rescheduled task. False when
 * one of those mails exists already: the same decision was applied before.
 */
export const rescheduleTask = async (
  task: TaskRecord,
  change: { schedule?: MarkedSchedule; assignee?: Person },
  note: AuditNote,
  mailsFor: (updated: TaskRecord) => TransactItem[] = () => [],
): Promise<boolean> => {
  const set: Record<string, unknown> = {}
  // A new due date carries its own mark (or none): an old one must not outlive it.
  const unmarked = change.schedule !== undefined && change.schedule.dueYearUnlisted === undefined
  if (change.schedule)
    Object.assign(set, change.schedule, {
      done: new Set(['__rescheduled']),
      gsi1sk: openTasksByAreaEntry(task.area, change.schedule.dueAt, task.taskId).gsi1sk,
    })
  if (change.assignee) set.assignees = [change.assignee]
  const { dueYearUnlisted: _old, ...unchanged } = task
  const updated: TaskRecord = {
    ...(unmarked ? unchanged : task),
    ...(change.schedule ?? {}),
    ...(change.assignee ? { assignees: [change.assignee] } : {}),
  }
  const items: TransactItem[] = [
    updateOpenTask(task.taskId, set, unmarked ? ['dueYearUnlisted'] : []),
    ...updated.assignees.map((person) => assignmentPut(updated, person)),
  ]
  const mails = mailsFor(updated)
  try {
    await appendAudit(auditOn(task, note), { alongWith: [...items, ...mails] })
  } catch (error) {
    if (mails.some((_mail, index) => failedConditionAt(error, items.length + index))) return false
    throw error
  }
  if (change.assignee) {
    for (const person of task.assignees.filter((p) => p.id !== change.assignee?.id)) {
      await dynamo().send(
        new DeleteCommand({ TableName: table(), Key: taskAssignmentKey(task.taskId, person.id) }),
      )
    }
  }
  return true
}

/**
 * Hands an open task from one assignee to another (issue 13: a deactivated person's
 * tasks move to the kabupaten's Dinsos queue): the task's assignees, both assignment
 * items and the audit entry in one transaction, only while the task is open. False when
 * the task closed meanwhile.
 */
export const handOverTask = async (
  task: TaskRecord,
  fromId: string,
  to: Person,
  note: AuditNote,
  /** The new assignee's mail (outbox items), queued in the same transaction (ADR 0018). */
  mails: readonly TransactItem[] = [],
): Promise<boolean> => {
  const assignees = [...task.assignees.filter((p) => p.id !== fromId && p.id !== to.id), to]
  const updated: TaskRecord = { ...task, assignees }
  const items: TransactItem[] = [
    updateOpenTask(task.taskId, { assignees }),
    assignmentPut(updated, to),
    { Delete: { TableName: table(), Key: taskAssignmentKey(task.taskId, fromId) } },
    ...mails,
  ]
  try {
    await appendAudit(auditOn(task, note), { alongWith: items })
    return true
  } catch (error) {
    if (failedConditionAt(error, 0)) return false
    throw error
  }
}
