/**
 * What the case workflow carries from state to state (small on purpose: the case and
 * task items hold the facts). Each step gets it and returns the next one; `next` is
 * what the Choice after the step reads.
 */
import type { AuditActor } from '../../core/audit/audit-entry'
import type { CaseOutcome } from '../../core/catalog/case-statuses'

/**
 * What a step may name as next: the values the Choices of `workflows/case.asl.json` test,
 * plus CLOSE (each Choice's Default, Close) and DONE (Close's own, read by nobody).
 * test/unit/workflows/next-values.test.ts keeps this list and the ASL equal.
 */
export const CASE_NEXT = [
  'ASSESS',
  'ADMINDUK',
  'AWAIT',
  'APPLY',
  'RECOMMEND',
  'APPROVAL',
  'REVISE',
  'REFER',
  'RESULT',
  'REREFER_TASK',
  'CHOOSE_PROVIDER',
  'FOLLOW_UP',
  'CLOSE',
  'DONE',
] as const

export type CaseNext = (typeof CASE_NEXT)[number]

export interface CaseState {
  caseId: string
  /** Counts assessment rounds (REVISE) and referral rounds (DECLINE): part of each task's idempotency key. */
  round?: number
  taskId?: string
  /** Seconds until the current task's next milestone: the wait's TimeoutSecondsPath. */
  waitSeconds?: number
  next?: CaseNext
  /**
   * `reason` is a code (a timeout, NO_PROVIDER…); a reason a person typed stays on its
   * task and only `reasonTaskId` travels (see `closeWithTaskReason`).
   */
  close?: { outcome: CaseOutcome; reason?: string; reasonTaskId?: string }
  /** Set by a referral's result: after Close, the TKSK is offered another service (ADR 0037). */
  offerFollowUp?: true
}

export const SYSTEM_ACTOR: AuditActor = { id: 'tksk-flow', role: 'system' }

export const correlationOf = (state: CaseState): string => `case-workflow:${state.caseId}`

export const closeWith = (state: CaseState, outcome: CaseOutcome, reason?: string): CaseState => ({
  caseId: state.caseId,
  round: state.round ?? 1,
  next: 'CLOSE',
  close: { outcome, ...(reason ? { reason } : {}) },
})

/**
 * Closes with the reason typed on a task (a TKSK's findings, an approver's rejection): the
 * state names the task, and Close reads the text from it. Every state's input and output
 * stays in the execution's history (90 days on AWS, for whoever may read it, past any
 * anonymisation), and free text about a person has no business there.
 */
export const closeWithTaskReason = (state: CaseState, outcome: CaseOutcome, taskId: string): CaseState => ({
  caseId: state.caseId,
  round: state.round ?? 1,
  next: 'CLOSE',
  close: { outcome, reasonTaskId: taskId },
})

export const toClose = (state: CaseState): CaseState => ({
  caseId: state.caseId,
  round: state.round ?? 1,
  next: 'CLOSE',
})
