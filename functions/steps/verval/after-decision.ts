/**
 * After the approval wait: approved batches go on to apply. A rejected one ends here: its
 * TKSK's notice was written with the rejection (flows/verval/decide-batch.ts, or the
 * approval timer's deadline; ADR 0020).
 */
import { loadBatch } from './load-batch'
import { end, type VervalState } from './verval-state'

export const afterDecision = async (state: VervalState): Promise<VervalState> => {
  const batch = await loadBatch(state.batchId)
  if (batch.status === 'APPLYING')
    return { batchId: batch.batchId, chunks: state.chunks ?? [], next: 'APPLY' }
  return end(state)
}
