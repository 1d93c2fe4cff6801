/**
 * Keys of who may ask how often: rate-limit windows, the lockouts of the public lookups
 * (a case's status, "Apakah keluarga saya KPM?") and staff sessions.
 */
import { type Key, leadingKeyPattern } from './key'
import { keyShapes } from './shapes'

const { rateLimit, statusMiss, session } = keyShapes

/** Rate-limit window (DESIGN §5): one counter per route class, client and minute, expiring by TTL. */
export const rateLimitKey = (bucket: string, client: string, minute: string): Key =>
  rateLimit.items.window.key({ bucket, client, minute })
/** IAM `dynamodb:LeadingKeys` pattern of every rate-limit window (all a function writes for the limiter). */
export const rateLimitKeyPattern = leadingKeyPattern(rateLimit.items.window.pk)

/**
 * Missed status lookups of one reference (ADR 0011): 5 misses lock it for 24 h. Keyed by
 * the reference as typed, whether or not a case has it, so the lock says nothing of
 * which references exist.
 */
export const statusMissKey = (reference: string): Key => statusMiss.items.misses.key({ reference })

/**
 * Staff sessions (DESIGN v3 §5, ADR 0011): one item per session under the SHA-256 of its
 * opaque token (the token itself is never stored), indexed in gsi2 by user so that a
 * deactivation or a role change can revoke all of a person's sessions.
 */
export const sessionKey = (tokenHash: string): Key => session.items.session.key({ tokenHash })
/** IAM `dynamodb:LeadingKeys` pattern of session items: read-only functions still touch and revoke sessions. */
export const sessionKeyPattern = leadingKeyPattern(session.items.session.pk)
export const sessionsOfUserPartition = (userId: string): string =>
  session.indexes.ofUser.pk.format({ userId })
export const sessionsOfUserEntry = (userId: string, createdAt: string, tokenHash: string) =>
  session.indexes.ofUser.entry({ userId, createdAt, tokenHash })

// ---------------------------------------------------------------------------------------
// "Apakah keluarga saya KPM?" (issue 15.5, ADR 0030): missed checks of one KK, by its
// kkRef (never the KK itself), whether or not a KPM holds it, so the lock says nothing
// of which KKs are in the registry; 5 misses lock it for 24 h like the status lookup.
// ---------------------------------------------------------------------------------------
export const kpmCheckMissKey = (kkRef: string): Key => ({ pk: `KPMCHECKMISS#${kkRef}`, sk: 'KPMCHECKMISS' })
/** The audit chain of the checks of one KK (entries name no KK, birth date or person). */
export const kpmCheckAuditEntityId = (kkRef: string): string => `kpm-check:${kkRef}`
