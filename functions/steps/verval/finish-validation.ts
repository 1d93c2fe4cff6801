/**
 * After the validation Map: the chunks' counts merged; INVALID with the error report,
 * or AWAITING_APPROVAL with the summary (by desa), the moves to tell on apply and the
 * rows whose NIK/KK carry an old kecamatan code (accepted, shown to the TKSK).
 */
import { oldRegionsOf } from '../../core/verval/batch-record'
import { mergeSummaries } from '../../core/verval/summary'
import { transition } from '../../data/batch-repository'
import { now } from '../../shared/clock'
import { loadBatch } from './load-batch'
import type { ChunkValidation } from './validate-chunk'
import { correlationOf, end, SYSTEM_ACTOR, type VervalState } from './verval-state'

export const finishValidation = async (
  state: VervalState & { validated: ChunkValidation[] },
): Promise<VervalState> => {
  const errorCount = state.validated.reduce((sum, chunk) => sum + chunk.errorCount, 0)
  const summary = mergeSummaries(state.validated.map((chunk) => chunk.summary))
  const moves = state.validated.flatMap((chunk) => chunk.moves)
  // `?? []`: a chunk validated by the code before this field existed (a resumed execution).
  const oldRegions = oldRegionsOf(state.validated.flatMap((chunk) => chunk.oldRegionLines ?? []))
  const batch = await loadBatch(state.batchId)
  const valid = errorCount === 0
  const moved = await transition(
    batch,
    ['VALIDATING'],
    valid ? 'AWAITING_APPROVAL' : 'INVALID',
    {
      action: valid ? 'VERVAL_VALIDATED' : 'VERVAL_INVALID',
      actor: SYSTEM_ACTOR,
      after: {
        errorCount,
        added: summary.added,
        updated: summary.updated,
        removed: summary.removed,
        unchanged: summary.unchanged,
      },
      correlationId: correlationOf(batch.batchId),
    },
    { at: now(), fields: { errorCount, summary, moves, ...(oldRegions ? { oldRegions } : {}) } },
  )
  const current = moved ? undefined : await loadBatch(state.batchId)
  const awaiting = moved ? valid : current?.status === 'AWAITING_APPROVAL'
  return awaiting ? { batchId: batch.batchId, chunks: state.chunks ?? [], next: 'APPROVAL' } : end(state)
}
