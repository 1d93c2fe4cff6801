/** A human task (DESIGN §2 "Human tasks"): stable id, assignees, schedule, and once decided, who decided. */
import type { Person } from './case-record'
import type { Decision, TaskKind } from './task-kinds'
import type { Milestone } from './task-schedule'

export type TaskStatus = 'OPEN' | 'DECIDED' | 'CANCELLED' | 'EXPIRED'

export interface Decider extends Person {
  ip?: string
  userAgent?: string
}

export interface TaskRecord {
  taskId: string
  caseId: string
  reference: string
  kind: TaskKind
  round: number
  status: TaskStatus
  /** Kecamatan of the case: zone of the due dates, scope of the staff who may act. */
  area: string
  assignees: Person[]
  createdAt: string
  dueAt: string
  finalAt: string
  /**
   * The due date fell in a year whose cuti bersama nobody has listed yet (ADR 0015): it
   * was counted without them and may come earlier than a list would make it.
   */
  dueYearUnlisted?: number
  milestones: Milestone[]
  done: string[]
  /** The Step Functions token of the current wait. */
  token?: string
  decision?: Decision
  decidedBy?: Decider
  decidedAt?: string
  /** For an escalation: the assessment task it acts on. */
  parentTaskId?: string
}
