/**
 * Where anchor records live: somewhere the application can add to but never rewrite.
 * Locally that is `DATA_DIR/anchors` (one read-only file per record, created
 * exclusively); on AWS it is the Object Lock bucket of the data stack.
 */
import { join } from 'node:path'
import type { AnchorRecord } from '../core/audit/anchor'
import { env } from '../shared/env'
import { FileAnchorStore } from './audit-anchor-file-store'

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
 * The store of this stage. On AWS there is none yet: the S3 Object Lock adapter needs
 * `@aws-sdk/client-s3`, which the project does not depend on so far (TODO), and verify
 * then checks the chain alone and says so (`anchored: false`).
 */
export const anchorStoreOfStage = (): AnchorStore | undefined =>
  env.stage() === 'local' ? new FileAnchorStore(join(process.env.DATA_DIR ?? '.data', 'anchors')) : undefined
