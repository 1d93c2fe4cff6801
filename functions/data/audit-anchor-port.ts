/**
 * What an anchor store does, apart from which store a stage uses
 * (`audit-anchor-store.ts` picks one; the stores implement this).
 */
import type { AnchorRecord } from '../core/audit/anchor'

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
