/** The verval workflow's catch-all (ADR 0025, 0040): the shared steps, finding the batch by its id. */
import { batchSubject } from '../../flows/attention/attention-subjects'
import { catchAllSteps } from '../../flows/attention/catch-all-steps'
import { loadBatch } from './load-batch'
import { correlationOf, SYSTEM_ACTOR, type VervalState } from './verval-state'

export const { markAttention, awaitRetry } = catchAllSteps<VervalState>({
  subjectOf: async (state) => batchSubject(await loadBatch(state.batchId)),
  auditOf: (state) => ({ actor: SYSTEM_ACTOR, correlationId: correlationOf(state.batchId) }),
})
