/**
 * Opens the human task of a workflow state and mails each assignee a link of their own
 * (DESIGN §2): the mails go to the outbox in the task's own transaction (ADR 0018).
 * Idempotent per (case, kind, round): a replay finds the task, and its mails, that the
 * first run wrote.
 */
import { ulid } from 'ulid'
import type { CaseRecord } from '../../core/case/case-record'
import { closingResultOf } from '../../core/case/follow-up'
import type { TaskKind } from '../../core/case/task-kinds'
import type { TaskRecord } from '../../core/case/task-record'
import { scheduleTask, secondsUntilNext } from '../../core/case/task-schedule'
import { openTaskOnce } from '../../data/task-opening'
import { type AreaCalendar, markUnlisted } from '../../flows/case/calendar'
import { taskMailDraft } from '../../flows/case/task-mail'
import { mailPut } from '../../data/outbox-repository'
import { openTaskStepKey } from '../../data/keys'
import { now } from '../../shared/clock'
import { type CaseState, correlationOf, SYSTEM_ACTOR, toClose } from './case-state'
import { loadCaseWithCalendar } from './load-case'
import { assigneesFor } from './task-assignees'

/** The task item of a kind for the case, with its schedule and assignees, not yet written. */
const newTask = async (
  opening: { record: CaseRecord; calendar: AreaCalendar; openedAt: Date },
  kind: TaskKind,
  round: number,
): Promise<TaskRecord> => {
  const { record, calendar, openedAt } = opening
  return {
    taskId: ulid(openedAt.getTime()),
    caseId: record.caseId,
    reference: record.reference,
    kind,
    round,
    status: 'OPEN',
    area: record.kecamatan,
    assignees: await assigneesFor(kind, record),
    createdAt: openedAt.toISOString(),
    ...markUnlisted(scheduleTask(kind, openedAt, calendar), calendar),
    done: [],
  }
}

const openOnce = (state: CaseState, task: TaskRecord, awaited: boolean) =>
  openTaskOnce(task, openTaskStepKey(task.kind, task.round), {
    awaited,
    note: {
      action: 'TASK_CREATED',
      actor: SYSTEM_ACTOR,
      after: { assignees: task.assignees.map((p) => p.id), dueAt: task.dueAt, finalAt: task.finalAt },
      correlationId: correlationOf(state),
    },
    mails: task.assignees.map((assignee) =>
      mailPut(taskMailDraft(task, assignee, 'ASK', `ask:${assignee.id}`), task.createdAt),
    ),
  })

/** The case as the step reads it, with the calendar for due dates counted from now, in one read. */
const readForOpening = async (caseId: string) => {
  const openedAt = now()
  return { openedAt, ...(await loadCaseWithCalendar(caseId, openedAt)) }
}

export const openTask = async (state: CaseState, kind: TaskKind): Promise<CaseState> => {
  const opening = await readForOpening(state.caseId)
  const { record } = opening
  // The offer of another service is made on the case a result closed (ADR 0037); every other task on an open case.
  const openable = kind === 'FOLLOW_UP' ? closingResultOf(record) !== undefined : record.status !== 'CLOSED'
  if (!openable) return toClose(state)
  const round = state.round ?? 1
  const opened = await openOnce(state, await newTask(opening, kind, round), true)
  // Closed between the read above and the write (a withdrawal; for the offer, anonymised): nothing was opened.
  if (!opened) return toClose(state)
  return {
    caseId: state.caseId,
    round,
    taskId: opened.taskId,
    waitSeconds: secondsUntilNext(opened.milestones, new Set(opened.done), now()),
    next: 'AWAIT',
  }
}

/**
 * "Rujukan adminduk" (issue 15, ADR 0027): for a person without NIK, a task for the desa
 * or Disdukcapil opened beside the assessment with its own due date; the workflow does
 * not wait on it, so help does not wait for the NIK.
 */
export const openAdminduk = async (state: CaseState): Promise<CaseState> => {
  const opening = await readForOpening(state.caseId)
  if (opening.record.status === 'CLOSED') return toClose(state)
  const opened = await openOnce(state, await newTask(opening, 'ADMINDUK_REFERRAL', 1), false)
  // Closed between the read above and the write (a withdrawal): nothing was opened or mailed.
  if (!opened) return toClose(state)
  return { caseId: state.caseId, round: 1, next: 'ASSESS' }
}
