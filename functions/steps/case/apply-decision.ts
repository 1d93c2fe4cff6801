/**
 * After a wait ends: reads the task (the source of truth, not the resume message) and
 * applies its decision to the case (DESIGN §3). A wait woken while the task is still
 * open (an EXTEND or REASSIGN) simply waits again until the next milestone.
 */
import type { CaseRecord } from '../../core/case/case-record'
import type { TaskKind } from '../../core/case/task-kinds'
import { secondsUntilNext } from '../../core/case/task-schedule'
import { now, nowIso } from '../../shared/clock'
import { applyChange, type DecidedTask } from './apply-change'
import { applyApproval } from './apply-approval'
import { applyProviderChoice } from './apply-provider-choice'
import { applyReferral } from './apply-referral'
import { applyVerification } from './apply-verification'
import { applyFollowUp } from './apply-follow-up'
import { type CaseState, closeWith, closeWithTaskReason, toClose } from './case-state'
import { loadCase, loadCaseAndTask } from './load-case'
import { TIMEOUT_REASONS } from './task-timer'

const applyAssessment = async (decided: DecidedTask): Promise<CaseState> => {
  const { decision, state, task } = decided
  if (decision.eligible === false) return closeWithTaskReason(state, 'NOT_ELIGIBLE', task.taskId)
  const open = await applyChange(decided, {
    from: ['ASSESSMENT'],
    set: {
      assessment: { ...decision, by: task.decidedBy?.id ?? '', at: task.decidedAt ?? nowIso() },
      service: decision.service as CaseRecord['service'],
    },
    action: 'CASE_ASSESSED',
    after: { status: 'ASSESSMENT', eligible: true, service: String(decision.service) },
  })
  return open ? { caseId: state.caseId, round: state.round ?? 1, next: 'RECOMMEND' } : toClose(state)
}

/**
 * The result closes the case as DESIGN §3 says (SERVED → FULFILLED, NOT_SERVED →
 * NOT_FULFILLED); Close then offers the TKSK another service (ADR 0037).
 */
const applyResult = (decided: DecidedTask): CaseState => ({
  ...(decided.decision.result === 'SERVED'
    ? closeWith(decided.state, 'FULFILLED')
    : closeWith(decided.state, 'NOT_FULFILLED', 'NOT_SERVED')),
  offerFollowUp: true,
})

const APPLIERS: Record<
  Exclude<TaskKind, 'ASSESSMENT_ESCALATION' | 'ADMINDUK_REFERRAL'>,
  (decided: DecidedTask) => Promise<CaseState> | CaseState
> = {
  ASSESSMENT: applyAssessment,
  APPROVAL: applyApproval,
  PROVIDER_CHOICE: applyProviderChoice,
  REFERRAL_RESPONSE: applyReferral,
  REREFERRAL: applyReferral,
  REFERRAL_RESULT: applyResult,
  BANSOS_VERIFICATION: applyVerification,
  FOLLOW_UP: applyFollowUp,
}

export const applyDecision = async (state: CaseState, kind: TaskKind): Promise<CaseState> => {
  const { record, task } = state.taskId
    ? await loadCaseAndTask(state.caseId, state.taskId)
    : { record: await loadCase(state.caseId), task: undefined }
  // The follow-up is the one task decided on a closed case (ADR 0037).
  if (record.status === 'CLOSED' && kind !== 'FOLLOW_UP') return toClose(state)
  if (!task) throw new Error(`task ${state.taskId} not found`)
  if (task.status === 'OPEN') {
    return {
      ...state,
      waitSeconds: secondsUntilNext(task.milestones, new Set(task.done), now()),
      next: 'AWAIT',
    }
  }
  if (task.status === 'EXPIRED' && kind !== 'FOLLOW_UP')
    return closeWith(state, 'NOT_FULFILLED', TIMEOUT_REASONS[task.kind])
  if (task.status !== 'DECIDED' || kind === 'ASSESSMENT_ESCALATION' || kind === 'ADMINDUK_REFERRAL')
    return toClose(state)
  return APPLIERS[kind]({ state, record, task, decision: task.decision ?? {} })
}
