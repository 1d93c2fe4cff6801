/** The audit table's item ⇄ entry mapping, shared by the writers and the readers of the table. */
import type { AuditEntry } from '../core/audit/audit-entry'
import { itemCodec } from './item-codec'
import { auditIndexAttributes } from './keys'

export const auditItemOf = (entry: AuditEntry): Record<string, unknown> => ({
  ...entry,
  ...auditIndexAttributes(entry),
})

/** The index attributes `auditItemOf` adds: derived from the entry, not hashed. */
const AUDIT_INDEX_ATTRIBUTES = [
  'actorId',
  'atSeq',
  'areaDay',
  'day',
] as const satisfies readonly (keyof ReturnType<typeof auditIndexAttributes>)[]

/**
 * The entry as stored, attribute for attribute and without defaults: an attribute
 * removed, retyped or added in the table reaches `verifyChain` as it is, so tampering is
 * not papered over here. The table's key (`entityId`, `seq`) is part of the entry; only
 * the index attributes are left behind.
 */
export const entryOf = itemCodec<AuditEntry>({ keyAttributes: [], storageOnly: AUDIT_INDEX_ATTRIBUTES })
