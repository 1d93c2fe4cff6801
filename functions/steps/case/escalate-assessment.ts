/**
 * An assessment past due goes to the Dinsos of the kabupaten as a task of its own
 * (DESIGN §3.2): REASSIGN to another TKSK or EXTEND the due date. The workflow keeps
 * waiting on the assessment; the TKSK can still complete it meanwhile.
 */
import { ulid } from 'ulid'
import type { CaseRecord } from '../../core/case/case-record'
import type { TaskRecord } from '../../core/case/task-record'
import { scheduleTask } from '../../core/case/task-schedule'
import { openTaskOnce } from '../../data/task-opening'
import { calendarFor, markUnlisted } from '../../flows/case/calendar'
import { approverFor } from '../../flows/case/routing'
import { taskMailDraft } from '../../flows/case/task-mail'
import { mailPut } from '../../data/outbox-repository'
import { escalationStepKey } from '../../data/keys'
import { now } from '../../shared/clock'
import { type CaseState, correlationOf, SYSTEM_ACTOR } from './case-state'

export const escalateAssessment = async (
  state: CaseState,
  record: CaseRecord,
  assessment: TaskRecord,
): Promise<void> => {
  const openedAt = now()
  const calendar = await calendarFor(record.kecamatan, openedAt)
  const schedule = markUnlisted(scheduleTask('ASSESSMENT_ESCALATION', openedAt, calendar), calendar)
  const escalation: TaskRecord = {
    taskId: ulid(openedAt.getTime()),
    caseId: record.caseId,
    reference: record.reference,
    kind: 'ASSESSMENT_ESCALATION',
    round: assessment.round,
    status: 'OPEN',
    area: record.kecamatan,
    assignees: [await approverFor(record.kecamatan)],
    createdAt: openedAt.toISOString(),
    ...schedule,
    // The escalation lives as long as the assessment it acts on.
    finalAt: assessment.finalAt,
    done: [],
    parentTaskId: assessment.taskId,
  }
  await openTaskOnce(escalation, escalationStepKey(assessment.taskId), {
    awaited: false,
    note: {
      action: 'TASK_CREATED',
      actor: SYSTEM_ACTOR,
      after: { assignees: escalation.assignees.map((p) => p.id), parentTaskId: assessment.taskId },
      correlationId: correlationOf(state),
    },
    mails: escalation.assignees.map((assignee) =>
      mailPut(taskMailDraft(escalation, assignee, 'ESCALATION', `ask:${assignee.id}`), escalation.createdAt),
    ),
  })
}
