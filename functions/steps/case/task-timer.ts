/**
 * Runs when a task's wait times out, i.e. when its next milestone is due (DESIGN §3):
 * the reminder the day before due, the escalation at due (Dinsos for an assessment, the
 * head's own link for an approval or a provider choice), daily reminders after those
 * escalations, and the final deadline, which expires the task and closes the case
 * NOT_FULFILLED (the head and auditors are told).
 */
import type { TaskKind } from '../../core/case/task-kinds'
import type { TaskRecord } from '../../core/case/task-record'
import { dueMilestones, secondsUntilNext } from '../../core/case/task-schedule'
import { closeTask } from '../../data/task-closing'
import { getTask } from '../../data/task-repository'
import { settleMilestones } from '../../data/task-changes'
import { headFor } from '../../flows/case/routing'
import { taskMailDraft } from '../../flows/case/task-mail'
import { mailPut } from '../../data/outbox-repository'
import { now, nowIso } from '../../shared/clock'
import { isOpenFollowUp } from '../../core/case/follow-up'
import { type CaseState, closeWith, correlationOf, SYSTEM_ACTOR, toClose } from './case-state'
import { escalateAssessment } from './escalate-assessment'
import { loadCase } from './load-case'
import { deadlineMails } from './notify-deadline'
import { countMetric } from '../../observability/metrics'

export const TIMEOUT_REASONS: Readonly<Record<TaskKind, string>> = {
  ASSESSMENT: 'ASSESSMENT_TIMEOUT',
  ASSESSMENT_ESCALATION: 'ASSESSMENT_TIMEOUT',
  APPROVAL: 'APPROVAL_TIMEOUT',
  PROVIDER_CHOICE: 'PROVIDER_CHOICE_TIMEOUT',
  REFERRAL_RESPONSE: 'REFERRAL_RESPONSE_TIMEOUT',
  REREFERRAL: 'REREFERRAL_TIMEOUT',
  REFERRAL_RESULT: 'NO_REPORT',
  // Never closes the case: the referral runs beside it (ADR 0027).
  ADMINDUK_REFERRAL: 'ADMINDUK_TIMEOUT',
  BANSOS_VERIFICATION: 'VERIFICATION_TIMEOUT',
  // Never closes the case: the offer of another service lapses on the closed case (ADR 0037).
  FOLLOW_UP: 'FOLLOW_UP_TIMEOUT',
}

/** Dinsos's own tasks: at due the head gets a link to the same task; at the final deadline head and auditors are told. */
const HEAD_ESCALATED: ReadonlySet<TaskKind> = new Set<TaskKind>(['APPROVAL', 'PROVIDER_CHOICE'])

const loadTask = async (taskId: string | undefined): Promise<TaskRecord> => {
  const task = taskId ? await getTask(taskId) : undefined
  if (!task) throw new Error(`task ${taskId} not found`)
  return task
}

const expire = async (state: CaseState, task: TaskRecord): Promise<CaseState> => {
  const reason = TIMEOUT_REASONS[task.kind]
  const at = nowIso()
  // A Dinsos task that runs out tells the head and the auditors, in the expiry's transaction.
  const mails = HEAD_ESCALATED.has(task.kind) ? await deadlineMails(task, reason) : []
  const result = await closeTask(
    task,
    'EXPIRED',
    { at },
    {
      action: 'TASK_EXPIRED',
      actor: SYSTEM_ACTOR,
      after: { reason },
      correlationId: correlationOf(state),
    },
    mails.map((mail) => mailPut(mail, at)),
  )
  // Decided in the last moment: the decision wins over the deadline.
  if (!result.decided && result.task.status === 'DECIDED') return { ...state, next: 'APPLY' }
  // A replay of an expiry done before: its mails were written with it (ADR 0020).
  // The lapsed offer of another service is no one's overdue work, and tells no one (ADR 0037).
  if (task.kind === 'FOLLOW_UP') return toClose(state)
  if (result.decided) countMetric('TasksOverdue')
  return closeWith(state, 'NOT_FULFILLED', reason)
}

export const taskTimer = async (state: CaseState): Promise<CaseState> => {
  const record = await loadCase(state.caseId)
  // The offer of another service waits on the closed case (ADR 0037).
  if (record.status === 'CLOSED' && !(state.taskId && isOpenFollowUp(record, state.taskId)))
    return toClose(state)
  const task = await loadTask(state.taskId)
  if (task.status !== 'OPEN') return { ...state, next: 'APPLY' }
  const at = now()
  const due = dueMilestones(task.milestones, new Set(task.done), at)
  if (due.final) return expire(state, task)
  const settled = due.settled.map((m) => m.id)
  const note = (action: string) => ({ action, actor: SYSTEM_ACTOR, correlationId: correlationOf(state) })
  if (due.escalate) countMetric('Escalations')
  if (due.escalate && HEAD_ESCALATED.has(task.kind)) {
    const head = await headFor(task.area)
    const already = task.assignees.some((p) => p.id === head.id)
    const mail = mailPut(
      taskMailDraft(
        { ...task, assignees: [...task.assignees, head] },
        head,
        'ESCALATION',
        `escalate:${head.id}`,
      ),
      at.toISOString(),
    )
    await settleMilestones(
      task,
      settled,
      { ...note('TASK_ESCALATED'), after: { to: head.id } },
      already ? { mails: [mail] } : { addAssignee: head, mails: [mail] },
    )
  } else if (due.escalate && (task.kind === 'ASSESSMENT' || task.kind === 'BANSOS_VERIFICATION')) {
    // A bansos verification past due goes to Dinsos like an assessment: reassign or extend (ADR 0036).
    await settleMilestones(task, settled, note('TASK_ESCALATED'))
    await escalateAssessment(state, record, task)
  } else if (due.reminder) {
    const reminder = due.reminder
    await settleMilestones(
      task,
      settled,
      { ...note('TASK_REMINDED'), after: { milestone: reminder.id } },
      {
        mails: task.assignees.map((assignee) =>
          mailPut(
            taskMailDraft(task, assignee, 'REMINDER', `${reminder.id}:${assignee.id}`),
            at.toISOString(),
          ),
        ),
      },
    )
  } else {
    await settleMilestones(task, settled, due.escalate ? note('TASK_ESCALATED') : undefined)
  }
  const fresh = (await getTask(task.taskId)) ?? task
  return {
    ...state,
    waitSeconds: secondsUntilNext(fresh.milestones, new Set(fresh.done), now()),
    next: 'AWAIT',
  }
}
