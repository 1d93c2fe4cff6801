/**
 * Close (DESIGN §3.6): the outcome (unless staff closed the case already, e.g. a
 * withdrawal), the open-case marker released, and the resident told by email when they
 * gave one. The notice is part of the closing change (flows/case/close-case-change.ts),
 * so whichever transaction closes the case, this step's or a withdrawal's, writes it
 * (ADR 0020); a replay finds the case closed and writes nothing. A case a referral's
 * result closed goes on to the TKSK's offer of another service (ADR 0037); every other
 * closing, and the end of that offer, ends the execution.
 */
import { closingResultOf } from '../../core/case/follow-up'
import { closingReasonOf } from '../../core/case/task-kinds'
import { closeCase } from '../../flows/case/close-case-change'
import { nowIso } from '../../shared/clock'
import { logger } from '../../shared/logger'
import { type CaseState, correlationOf, SYSTEM_ACTOR } from './case-state'
import { loadCase, loadCaseAndTask } from './load-case'
import { countMetric } from '../../observability/metrics'

/** The case, and the task whose decision gives the closing reason when the state names one (in one read). */
const loadClosing = async (state: CaseState) => {
  const reasonTaskId = state.close?.reasonTaskId
  if (reasonTaskId === undefined) return { record: await loadCase(state.caseId), reason: state.close?.reason }
  const { record, task } = await loadCaseAndTask(state.caseId, reasonTaskId)
  if (task?.decision) return { record, reason: closingReasonOf(task.kind, task.decision) }
  return { record, reason: undefined, reasonTaskMissing: reasonTaskId }
}

export const close = async (state: CaseState): Promise<CaseState> => {
  const closing = await loadClosing(state)
  let record = closing.record
  if (record.status !== 'CLOSED') {
    // The state names the task because its decision gave a reason: a task or decision gone
    // is a defect to see, though the case still closes (without a reason rather than not at all).
    if ('reasonTaskMissing' in closing)
      logger.warn('closing reason task not found or not decided: closing without its reason', {
        caseId: record.caseId,
        taskId: closing.reasonTaskMissing,
      })
    const outcome = state.close?.outcome ?? 'NOT_FULFILLED'
    const at = nowIso()
    const result = await closeCase(record, {
      outcome,
      reason: closing.reason,
      at,
      audit: {
        action: 'CASE_CLOSED',
        actor: SYSTEM_ACTOR,
        after: { status: 'CLOSED', outcome, reason: closing.reason ?? null },
        correlationId: correlationOf(state),
      },
    })
    record = result.record
    if (result.applied) countMetric('CasesClosed', { dimensions: { outcome } })
  }
  if (state.offerFollowUp && closingResultOf(record) !== undefined)
    return { caseId: record.caseId, round: state.round ?? 1, next: 'FOLLOW_UP' }
  return {
    caseId: record.caseId,
    next: 'DONE',
    ...(record.outcome ? { close: { outcome: record.outcome } } : {}),
  }
}
