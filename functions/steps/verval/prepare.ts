/** First state: the chunk ranges the validation and apply Maps iterate over. */
import { chunkRanges } from '../../core/verval/batch-status'
import { env } from '../../shared/env'
import { loadBatch } from './load-batch'
import { end, type VervalState } from './verval-state'

export const prepare = async (state: VervalState): Promise<VervalState> => {
  const batch = await loadBatch(state.batchId)
  if (batch.status !== 'VALIDATING') return end(state)
  return { batchId: batch.batchId, chunks: chunkRanges(batch.rows, env.vervalChunkRows()), next: 'VALIDATE' }
}
