/**
 * The global anchor chain (DESIGN §5). Every hour the heads of the entity chains that
 * changed are sealed into one record that points at the previous record's hash and is
 * kept where the application cannot rewrite it (S3 Object Lock on AWS, append-only
 * files locally). An entity chain can be rebuilt consistently by whoever can write the
 * audit table, and its tail can be dropped without breaking a single hash; the anchor
 * cannot, so verify compares the chain with the last head anchored for it.
 */
import { type AuditEntry, formatSeq, parseSeq } from './audit-entry'
import { GENESIS_HASH, sealHash } from './chain-hash'
import type { AnchoredHead } from './verify-chain'

export interface AnchorRecord {
  /** Position in the anchor chain, 10 digits like an entry's seq. */
  anchorSeq: string
  /** When the record was made (project clock). */
  at: string
  /** The window of entry times searched for changed chains: [from, through). */
  from: string
  through: string
  /** One head per entity that changed, sorted by entityId. */
  heads: AnchoredHead[]
  prevHash: string
  hash: string
}

export type UnsealedAnchor = Omit<AnchorRecord, 'hash'>

const HOUR_MS = 60 * 60 * 1000

/** The hour boundary at or before `instant`: anchors cover whole hours. */
export const hourFloor = (instant: Date): Date => new Date(Math.floor(instant.getTime() / HOUR_MS) * HOUR_MS)

/** The head to anchor for each entity: its highest seq among the changed entries seen. */
export const headsOf = (
  entries: Iterable<Pick<AuditEntry, 'entityId' | 'seq' | 'hash' | 'area'>>,
): AnchoredHead[] => {
  const heads = new Map<string, AnchoredHead>()
  for (const { entityId, seq, hash, area } of entries) {
    const known = heads.get(entityId)
    if (!known || (parseSeq(seq) ?? 0) > (parseSeq(known.seq) ?? 0))
      heads.set(entityId, { entityId, seq, hash, area })
  }
  return [...heads.values()].sort((a, b) => (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0))
}

const sameHead = (a: AnchoredHead, b: AnchoredHead | undefined): boolean =>
  b !== undefined && a.seq === b.seq && a.hash === b.hash

/**
 * The record that follows `previous`. Heads already sealed by `previous` exactly as
 * they are now are left out: the search window overlaps the last one (index lag), and
 * sealing the same head twice proves nothing new.
 */
export const buildAnchor = (
  previous: AnchorRecord | undefined,
  changed: readonly AnchoredHead[],
  window: { from: Date; through: Date },
  at: Date,
): AnchorRecord => {
  const sealedBefore = new Map(previous?.heads.map((head) => [head.entityId, head]))
  const position = previous ? (parseSeq(previous.anchorSeq) ?? Number.NaN) + 1 : 1
  const unsealed: UnsealedAnchor = {
    anchorSeq: formatSeq(position),
    at: at.toISOString(),
    from: window.from.toISOString(),
    through: window.through.toISOString(),
    heads: headsOf(changed).filter((head) => !sameHead(head, sealedBefore.get(head.entityId))),
    prevHash: previous?.hash ?? GENESIS_HASH,
  }
  return { ...unsealed, hash: sealHash(unsealed) }
}

export interface AnchorChainVerdict {
  valid: boolean
  checked: number
  firstBrokenAnchorSeq?: string
}

/** The anchor chain checked like an entity chain: positions, links and hashes. */
export const verifyAnchorChain = (records: readonly AnchorRecord[]): AnchorChainVerdict => {
  let prevHash = GENESIS_HASH
  for (const [index, record] of records.entries()) {
    const position = index + 1
    const intact =
      parseSeq(record.anchorSeq) === position &&
      record.prevHash === prevHash &&
      sealHash(record) === record.hash
    if (!intact) return { valid: false, checked: position, firstBrokenAnchorSeq: formatSeq(position) }
    prevHash = record.hash
  }
  return { valid: true, checked: records.length }
}

/** Whether a single record still matches its own hash (verify trusts no record that does not). */
export const anchorIsSealed = (record: AnchorRecord): boolean => sealHash(record) === record.hash

/** The latest head sealed for `entityId` in records given newest first. */
export const latestAnchoredHead = (
  newestFirst: Iterable<AnchorRecord>,
  entityId: string,
): { head: AnchoredHead; record: AnchorRecord } | undefined => {
  for (const record of newestFirst) {
    const head = record.heads.find((candidate) => candidate.entityId === entityId)
    if (head) return { head, record }
  }
  return undefined
}
