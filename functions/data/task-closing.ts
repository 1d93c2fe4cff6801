/**
 * Closing a task (decided, expired, cancelled): one conditional write of its status,
 * only while it is OPEN, with its audit entry and mails in the same transaction.
 */
import type { Decider, TaskRecord, TaskStatus } from '../core/case/task-record'
import type { Decision } from '../core/case/task-kinds'
import { appendAudit, type TransactItem } from './audit-repository'
import { statusUpdate } from './open-task-update'
import { type AuditNote, auditOn } from './task-audit'
import { getTask } from './task-repository'
import { failedConditionAt } from './transaction-errors'

/**
 * The writes that cancel an open task inside another change's transaction (the case's
 * closing): the task's status, only while it is still OPEN, and its assignment items.
 */
export const cancelTaskItems = (task: TaskRecord, at: string): TransactItem[] =>
  statusUpdate(task, 'CANCELLED', { decidedAt: at })

export type DecideResult = { decided: true; task: TaskRecord } | { decided: false; task: TaskRecord }

/** The one conditional write that decides a task (or expires or cancels it). */
export const closeTask = async (
  task: TaskRecord,
  status: Exclude<TaskStatus, 'OPEN'>,
  fields: { decision?: Decision; decidedBy?: Decider; at: string },
  note: AuditNote,
  mails: readonly TransactItem[] = [],
): Promise<DecideResult> => {
  const set: Record<string, unknown> = { decidedAt: fields.at }
  if (fields.decision) set.decision = fields.decision
  if (fields.decidedBy) set.decidedBy = fields.decidedBy
  try {
    await appendAudit(auditOn(task, note), {
      alongWith: [...statusUpdate(task, status, set), ...mails],
      at: new Date(fields.at),
    })
  } catch (error) {
    if (!failedConditionAt(error, 0)) throw error
    const current = await getTask(task.taskId)
    if (!current) throw error
    return { decided: false, task: current }
  }
  return { decided: true, task: (await getTask(task.taskId)) ?? task }
}
