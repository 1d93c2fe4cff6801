/**
 * One entry of an entity's audit chain (DESIGN §5). The stored item is exactly this
 * shape plus the index attributes of `functions/data/keys.ts`; the hash covers every
 * field here but `hash`, so what an auditor reads is what was sealed.
 */
import type { Role } from '../identity/user'

/** Any JSON value: what `before` and `after` may hold (already masked, see `sanitize.ts`). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

/**
 * Who acted. Staff act with their role; residents (intake), providers (their link) and
 * the workflows themselves have no login, so they get roles of their own. A link
 * decision names the link's recipient and may carry where the request came from.
 */
export type AuditActorRole = Role | 'resident' | 'provider' | 'system'

export interface AuditActor {
  id: string
  role: AuditActorRole
  ip?: string
  userAgent?: string
}

export interface AuditEntry {
  /** `case:<caseId>`, `batch:<batchId>`, `user:<userId>`… (`auditEntityId` in keys.ts). */
  entityId: string
  /** Position in the chain, 1-based, as 10 zero-padded digits (also the sort key). */
  seq: string
  /** UTC ISO-8601 instant of the change. */
  at: string
  /** Kemendagri code of the entity's area (`*` for national subjects): what scopes review. */
  area: string
  actor: AuditActor
  /** UPPER_SNAKE verb: `CASE_CREATED`, `PII_READ`, `AUDIT_EXPORT`… */
  action: string
  before: JsonValue
  after: JsonValue
  correlationId: string
  prevHash: string
  hash: string
}

export type UnsealedEntry = Omit<AuditEntry, 'hash'>

/** What a caller says about a change; the chain position, time and hashes are added by `nextEntry`. */
export interface AuditInput {
  entityId: string
  area: string
  actor: AuditActor
  action: string
  /** Any plain data; `nextEntry` turns it into masked JSON (`sanitize.ts`). Absent = `null`. */
  before?: unknown
  after?: unknown
  correlationId: string
}

export const SEQ_DIGITS = 10
const SEQ_PATTERN = /^\d{10}$/

export const formatSeq = (position: number): string => {
  if (!Number.isSafeInteger(position) || position < 1 || position >= 10 ** SEQ_DIGITS)
    throw new RangeError(`audit seq out of range: ${position}`)
  return String(position).padStart(SEQ_DIGITS, '0')
}

/** The position of a stored seq; `undefined` for anything that is not 10 digits. */
export const parseSeq = (seq: unknown): number | undefined =>
  typeof seq === 'string' && SEQ_PATTERN.test(seq) ? Number(seq) : undefined
