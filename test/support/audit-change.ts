/**
 * An audit entry as the TKSK of Leuwiliang writes it on a case of 32.01.14: what the
 * audit page tests append to build a timeline, in the API and in the browser alike.
 */
import type { AuditInput } from '../../functions/core/audit/audit-entry'

export const auditChange = (
  entityId: string,
  action: string,
  before: unknown,
  after: unknown,
  correlationId = 'corr-pages',
): AuditInput => ({
  entityId,
  area: '32.01.14',
  actor: { id: 'tksk.leuwiliang', role: 'tksk' },
  action,
  before,
  after,
  correlationId,
})
