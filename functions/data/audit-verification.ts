/** `verify` of one entity: its chain recomputed, and its end compared with the last anchored head. */
import { type AnchorRecord, anchorIsSealed, latestAnchoredHead } from '../core/audit/anchor'
import { type AnchoredHead, type ChainVerdict, verifyChain } from '../core/audit/verify-chain'
import type { AnchorStore } from './audit-anchor-port'
import { readChain } from './audit-repository'

export interface EntityVerification {
  verdict: ChainVerdict
  /** The area the chain (or, if the chain is gone, its anchor) gives the entity: what scopes the caller. */
  area: string | undefined
  /** The anchor compared with, if any. */
  anchor: { anchorSeq: string; seq: string; anchoredAt: string } | undefined
  /** False when the entity has neither entries nor an anchored head: nothing to verify. */
  exists: boolean
}

const findAnchor = async (
  store: AnchorStore | undefined,
  entityId: string,
): Promise<{ head: AnchoredHead; record: AnchorRecord } | undefined> => {
  if (!store) return undefined
  const records: AnchorRecord[] = []
  for await (const record of store.newestFirst()) {
    records.push(record)
    if (record.heads.some((head) => head.entityId === entityId)) break
  }
  return latestAnchoredHead(records, entityId)
}

export const verifyEntity = async (
  entityId: string,
  store: AnchorStore | undefined,
): Promise<EntityVerification> => {
  const [entries, anchored] = await Promise.all([readChain(entityId), findAnchor(store, entityId)])
  // A record that no longer matches its own hash is evidence against the store, not a reference.
  const anchorIntact = !anchored || anchorIsSealed(anchored.record)
  return {
    verdict: anchorIntact
      ? verifyChain(entries, anchored?.head)
      : { valid: false, checked: 0, reason: 'ANCHOR_TAMPERED' },
    area: entries[0]?.area ?? anchored?.head.area,
    anchor: anchored && {
      anchorSeq: anchored.record.anchorSeq,
      seq: anchored.head.seq,
      anchoredAt: anchored.record.at,
    },
    exists: entries.length > 0 || anchored !== undefined,
  }
}
