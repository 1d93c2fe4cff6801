/**
 * The hourly anchor job on AWS (DESIGN §5), invoked by an EventBridge schedule: seals
 * the heads of the chains changed since the last anchor into the Object Lock bucket.
 * Locally the same `anchorChangedChains` runs from infra/local/anchors. A failure is
 * thrown so that EventBridge retries and the function's error alarm fires.
 */
import { anchorStoreOfStage } from '../data/audit-anchor-store'
import { anchorChangedChains } from '../data/audit-anchoring'
import { now } from '../shared/clock'
import { logger } from '../shared/logger'

export const handler = async (): Promise<{ anchorSeq: string | null; heads: number }> => {
  const store = anchorStoreOfStage()
  if (!store) throw new Error('no anchor store: ANCHOR_BUCKET_NAME is not set')
  const record = await anchorChangedChains(store, now())
  if (record) logger.info('audit anchor written', { anchorSeq: record.anchorSeq, heads: record.heads.length })
  return { anchorSeq: record?.anchorSeq ?? null, heads: record?.heads.length ?? 0 }
}
