/**
 * A process-local memory of each audit chain's last entry that this process wrote or read,
 * so that an append can skip the consistent head Query on its first attempt (ADR 0045).
 *
 * Why it is safe: entries are immutable and every audit Put is conditioned on its seq not
 * existing. A remembered head is therefore a real entry of its chain; if the chain moved on
 * since (another Lambda appended), the Put of seq+1 fails as a lost race, and the retry
 * reads the head fresh. A stale head costs one failed attempt, never a wrong prevHash.
 * Only a head whose write succeeded (or that was read) is remembered; a head that is
 * "ahead" of the table could only come from deleting entries, which nothing in the product does.
 *
 * Keyed by table name too: a test worker runs several platforms, each with its own tables.
 */
import { type AuditEntry, parseSeq } from '../core/audit/audit-entry'

/** What the next entry needs of its predecessor (and nothing else of it stays in memory). */
export type AuditHead = Pick<AuditEntry, 'entityId' | 'seq' | 'hash'>

/** Enough for the chains a warm Lambda touches in a burst; each head is ~100 bytes. */
export const AUDIT_HEAD_CAPACITY = 2_000

const keyOf = (table: string, entityId: string) => `${table}\u0000${entityId}`
const positionOf = (head: AuditHead) => parseSeq(head.seq) ?? 0

export interface AuditHeadCache {
  get(table: string, entityId: string): AuditHead | undefined
  /** A head this process just wrote: kept only if it is past the remembered one (writes may finish out of order). */
  wrote(table: string, head: AuditHead): void
  /** A head just read strongly consistent: the table's truth, kept as it is. */
  read(table: string, head: AuditHead): void
  forget(table: string, entityId: string): void
  size(): number
}

/** A least-recently-used map of heads (a `Map` keeps insertion order; a hit is moved to the end). */
export const createAuditHeadCache = (capacity: number = AUDIT_HEAD_CAPACITY): AuditHeadCache => {
  const heads = new Map<string, AuditHead>()
  const put = (key: string, head: AuditHead) => {
    heads.delete(key)
    heads.set(key, { entityId: head.entityId, seq: head.seq, hash: head.hash })
    for (const oldest of heads.keys()) {
      if (heads.size <= capacity) break
      heads.delete(oldest)
    }
  }
  return {
    get(table, entityId) {
      const key = keyOf(table, entityId)
      const head = heads.get(key)
      if (head) put(key, head)
      return head
    },
    wrote(table, head) {
      const key = keyOf(table, head.entityId)
      const known = heads.get(key)
      if (!known || positionOf(head) > positionOf(known)) put(key, head)
    },
    read(table, head) {
      put(keyOf(table, head.entityId), head)
    },
    forget(table, entityId) {
      heads.delete(keyOf(table, entityId))
    },
    size: () => heads.size,
  }
}
