/** The audit table's item ⇄ entry mapping, shared by the writers and the readers of the table. */
import type { AuditEntry } from '../core/audit/audit-entry'
import { auditIndexAttributes } from './keys'

export const auditItemOf = (entry: AuditEntry): Record<string, unknown> => ({
  ...entry,
  ...auditIndexAttributes(entry),
})

/**
 * The entry as stored, field for field and without defaults: an attribute removed or
 * retyped in the table must reach `verifyChain` as it is, or the tampering would be
 * papered over here. The index attributes are left behind (they are not hashed).
 */
export const entryOf = (item: Record<string, unknown>): AuditEntry => {
  const { entityId, seq, at, area, actor, action, before, after, correlationId, prevHash, hash } =
    item as unknown as AuditEntry
  return { entityId, seq, at, area, actor, action, before, after, correlationId, prevHash, hash }
}
