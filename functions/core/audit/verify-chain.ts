import { type AuditEntry, formatSeq, parseSeq } from './audit-entry'
import { GENESIS_HASH } from './chain-hash'
import { hashEntry } from './next-entry'

/** The head of an entity's chain as sealed into the anchor chain (see `anchor.ts`). */
export interface AnchoredHead {
  entityId: string
  seq: string
  hash: string
  area: string
}

export type ChainBreak =
  /** An entry's content no longer matches its hash: it was edited. */
  | 'HASH_MISMATCH'
  /** An entry does not point at the hash of the one before: one was removed, replaced or moved. */
  | 'PREV_HASH_MISMATCH'
  /** The seq is not the next position: an entry is missing or out of order. */
  | 'SEQ_GAP'
  /** An entry of another entity sits in this chain. */
  | 'ENTITY_MISMATCH'
  /** The chain ends before the head the anchor sealed: its tail was removed. */
  | 'BEHIND_ANCHOR'
  /** The entry at the anchored position is not the one sealed: the chain was rewritten. */
  | 'ANCHOR_MISMATCH'
  /** The anchor record itself fails its hash: the anchor store was tampered with. */
  | 'ANCHOR_TAMPERED'

export interface ChainVerdict {
  valid: boolean
  /** Entries examined: all of them when valid, up to and including the first broken one otherwise. */
  checked: number
  /** The first position that cannot be trusted (10-digit seq, as stored). */
  firstBrokenSeq?: string
  reason?: ChainBreak
}

const broken = (checked: number, position: number, reason: ChainBreak): ChainVerdict => ({
  valid: false,
  checked,
  firstBrokenSeq: formatSeq(position),
  reason,
})

/**
 * Recomputes an entity's chain from genesis, in the order given (the table's sort order,
 * seq ascending), and compares its end with the anchored head when there is one. The
 * first position that fails is named; later entries are not trusted either, so the
 * walk stops there.
 */
export const verifyChain = (entries: readonly AuditEntry[], anchor?: AnchoredHead): ChainVerdict => {
  const entityId = anchor?.entityId ?? entries[0]?.entityId
  let prevHash = GENESIS_HASH
  for (const [index, entry] of entries.entries()) {
    const position = index + 1
    if (entry.entityId !== entityId) return broken(position, position, 'ENTITY_MISMATCH')
    if (parseSeq(entry.seq) !== position) return broken(position, position, 'SEQ_GAP')
    if (entry.prevHash !== prevHash) return broken(position, position, 'PREV_HASH_MISMATCH')
    if (hashEntry(entry) !== entry.hash) return broken(position, position, 'HASH_MISMATCH')
    prevHash = entry.hash
  }
  if (anchor) {
    const anchoredPosition = parseSeq(anchor.seq)
    if (anchoredPosition === undefined) throw new RangeError(`malformed anchored seq: ${anchor.seq}`)
    if (entries.length < anchoredPosition) return broken(entries.length, entries.length + 1, 'BEHIND_ANCHOR')
    if (entries[anchoredPosition - 1]?.hash !== anchor.hash)
      return broken(entries.length, anchoredPosition, 'ANCHOR_MISMATCH')
  }
  return { valid: true, checked: entries.length }
}
