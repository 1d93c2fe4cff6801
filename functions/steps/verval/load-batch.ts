import type { BatchRecord } from '../../core/verval/batch-record'
import { getBatch } from '../../data/batch-repository'

/** The batch a step works on; a missing batch is a bug, not a retryable state. */
export const loadBatch = async (batchId: string): Promise<BatchRecord> => {
  const batch = await getBatch(batchId)
  if (!batch) throw new Error(`batch ${batchId} not found`)
  return batch
}
