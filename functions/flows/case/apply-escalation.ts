/**
 * The Dinsos's answer to an overdue assessment (DESIGN §3.2): REASSIGN hands the same
 * assessment task to another TKSK with a fresh due date; EXTEND moves its due date. The
 * waiting workflow is woken so that it sleeps until the new milestones.
 */
import { extendSchedule } from '../../core/case/task-schedule'
import type { Decision } from '../../core/case/task-kinds'
import type { TaskRecord } from '../../core/case/task-record'
import { mailPut } from '../../data/outbox-repository'
import { getTask } from '../../data/task-repository'
import { rescheduleTask } from '../../data/task-changes'
import { getStaffMember } from '../../data/user-repository'
import { now } from '../../shared/clock'
import { calendarFor, markUnlisted } from './calendar'
import { personOf } from './routing'
import { taskMailDraft } from './task-mail'
import { resumeWait } from './workflow-control'

const REASSIGN_WORKING_DAYS = 5

export const applyEscalation = async (escalation: TaskRecord, decision: Decision, correlationId: string) => {
  const parent = escalation.parentTaskId ? await getTask(escalation.parentTaskId) : undefined
  if (!parent || parent.status !== 'OPEN') return
  const actor = { id: escalation.decidedBy?.id ?? 'unknown', role: 'dinsos' as const }
  const calendar = await calendarFor(parent.area, now())
  if (decision.action === 'REASSIGN') {
    const member = await getStaffMember(String(decision.assignee))
    if (!member) return
    const assignee = personOf(member)
    const at = now()
    const schedule = markUnlisted(
      extendSchedule(parent.kind, parent, at, REASSIGN_WORKING_DAYS, calendar),
      calendar,
    )
    // The new assignee's mail joins the reassignment's transaction (ADR 0018); a second
    // application of the same decision finds that mail written and changes nothing, but
    // still wakes the workflow below, in case the first one stopped before that.
    await rescheduleTask(
      parent,
      { schedule, assignee },
      { action: 'TASK_REASSIGNED', actor, after: { to: assignee.id }, correlationId },
      (moved) => [
        mailPut(
          taskMailDraft(moved, assignee, 'ASK', `ask:${assignee.id}:${escalation.taskId}`),
          at.toISOString(),
        ),
      ],
    )
  } else {
    const days = Number(decision.days)
    const schedule = markUnlisted(extendSchedule(parent.kind, parent, now(), days, calendar), calendar)
    await rescheduleTask(
      parent,
      { schedule },
      { action: 'TASK_EXTENDED', actor, after: { days, dueAt: schedule.dueAt }, correlationId },
    )
  }
  await resumeWait(parent.token, parent.taskId)
}
