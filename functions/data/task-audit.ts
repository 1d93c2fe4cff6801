/**
 * The audit entry of a change in a task's life (created, escalated, reminded, decided,
 * expired), on the chain it belongs to.
 */
import type { AuditActor, JsonValue } from '../core/audit/audit-entry'
import type { TaskRecord } from '../core/case/task-record'
import { auditEntityId } from './keys'

export interface AuditNote {
  action: string
  actor: AuditActor
  after?: JsonValue
  correlationId: string
}

/** Whether the task's entries go on a chain of its own (the offer of another service) rather than its case's. */
export const hasOwnChain = (task: Pick<TaskRecord, 'kind'>): boolean => task.kind === 'FOLLOW_UP'

/**
 * The case's chain, but for the offer of another service after a result (ADR 0037): it
 * lives after CASE_CLOSED, and the case's chain ends there unless the TKSK takes it up
 * (then CASE_REOPENED_FOR_SERVICE is on the case), so the offer has its task's own chain.
 */
const chainOf = (task: Pick<TaskRecord, 'caseId' | 'taskId' | 'kind'>): string =>
  hasOwnChain(task) ? auditEntityId.task(task.taskId) : auditEntityId.case(task.caseId)

export const auditOn = (task: TaskRecord, note: AuditNote) => ({
  entityId: chainOf(task),
  area: task.area,
  actor: note.actor,
  action: note.action,
  before: null,
  after: { taskId: task.taskId, kind: task.kind, ...((note.after as object | null) ?? {}) } as JsonValue,
  correlationId: note.correlationId,
})
