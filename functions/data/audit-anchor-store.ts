/**
 * Where anchor records live: somewhere the application can add to but never rewrite.
 * Locally that is `DATA_DIR/anchors` (one read-only file per record, created
 * exclusively); on AWS it is the Object Lock bucket of the data stack.
 */
import { join } from 'node:path'
import type { AnchorRecord } from '../core/audit/anchor'
import { env } from '../shared/env'
import { FileAnchorStore } from './audit-anchor-file-store'
import { S3AnchorStore } from './audit-anchor-s3-store'

export interface AnchorStore {
  /** The newest record; `undefined` before the first anchor. */
  latest(): Promise<AnchorRecord | undefined>
  /** Adds the next record; fails rather than replace one that exists. */
  append(record: AnchorRecord): Promise<void>
  /** Every record, oldest first (to verify the anchor chain itself). */
  all(): Promise<AnchorRecord[]>
  /** Records newest first, read lazily: verify stops at the first one naming its entity. */
  newestFirst(): AsyncIterable<AnchorRecord>
}

/**
 * The store of this stage: files locally, the Object Lock bucket on AWS (env
 * `ANCHOR_BUCKET_NAME`, set for functions granted `anchors` access). A function without
 * the bucket gets none, and verify then checks the chain alone and says so
 * (`anchored: false`).
 */
export const anchorStoreOfStage = (): AnchorStore | undefined => {
  if (env.stage() === 'local') return new FileAnchorStore(join(env.dataDir(), 'anchors'))
  const bucket = env.anchorBucketName()
  return bucket ? new S3AnchorStore(bucket) : undefined
}
