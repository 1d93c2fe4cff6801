/**
 * Where anchor records live: somewhere the application can add to but never rewrite.
 * Locally that is `DATA_DIR/anchors` (one read-only file per record, created
 * exclusively); on AWS it is the Object Lock bucket of the data stack.
 */
import { join } from 'node:path'
import { env } from '../shared/env'
import { FileAnchorStore } from './audit-anchor-file-store'
import type { AnchorStore } from './audit-anchor-port'
import { S3AnchorStore } from './audit-anchor-s3-store'

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
