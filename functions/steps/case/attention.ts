/** The case workflow's catch-all (ADR 0025): the shared steps, finding the case by its id. */
import { caseSubject } from '../../flows/attention/attention-subjects'
import { catchAllSteps } from '../../flows/attention/catch-all-steps'
import { correlationOf, SYSTEM_ACTOR, type CaseState } from './case-state'
import { loadCase } from './load-case'

export const { markAttention, awaitRetry } = catchAllSteps<CaseState>({
  subjectOf: async (state) => caseSubject(await loadCase(state.caseId)),
  auditOf: (state) => ({ actor: SYSTEM_ACTOR, correlationId: correlationOf(state) }),
})
