/**
 * When a person may no longer act where they did (deactivated, moved, another role),
 * their open tasks go to the Dinsos queue of the task's kabupaten (the admin without a
 * Dinsos, DESIGN §1), each with an email to the new assignee. Their old links then
 * answer 410 (the recipient no longer holds the task, `resolveLink`).
 */
import type { AuditActor } from '../../core/audit/audit-entry'
import { approverFor } from '../../flows/case/routing'
import { taskMailDraft } from '../../flows/case/task-mail'
import { mailPut } from '../../data/outbox-repository'
import { nowIso } from '../../shared/clock'
import { getTask } from '../../data/task-repository'
import { handOverTask } from '../../data/task-changes'
import { listAssignments } from '../../data/task-assignments'

const PAGE = 100

export const handOverOpenTasks = async (
  fromId: string,
  actor: AuditActor,
  correlationId: string,
): Promise<string[]> => {
  const moved: string[] = []
  let cursor: string | null = null
  const taskIds: string[] = []
  // Read every assignment first: handing over deletes the items the query pages through.
  do {
    const page = await listAssignments({
      assigneeId: fromId,
      status: 'OPEN',
      limit: PAGE,
      ...(cursor ? { cursor } : {}),
    })
    taskIds.push(...page.items.map((item) => item.taskId))
    cursor = page.nextCursor
  } while (cursor)
  for (const taskId of taskIds) {
    const task = await getTask(taskId)
    if (!task || task.status !== 'OPEN' || !task.assignees.some((p) => p.id === fromId)) continue
    const to = await approverFor(task.area)
    // The mail goes out with the hand-over or not at all (ADR 0018); its purpose names the
    // request, so a later hand-over between the same two people mails again.
    const draft = taskMailDraft(task, to, 'HANDOVER', `handover:${fromId}:${to.id}:${correlationId}`)
    const handed = await handOverTask(
      task,
      fromId,
      to,
      { action: 'TASK_HANDED_OVER', actor, after: { from: fromId, to: to.id }, correlationId },
      [mailPut(draft, nowIso())],
    )
    if (handed) moved.push(taskId)
  }
  return moved
}
