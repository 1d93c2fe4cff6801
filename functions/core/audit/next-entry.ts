import { isWithin } from '../areas/area-code'
import { maskDigitsIn } from '../identity/mask'
import {
  type AuditActor,
  type AuditEntry,
  type AuditInput,
  formatSeq,
  parseSeq,
  type UnsealedEntry,
} from './audit-entry'
import { GENESIS_HASH, sealHash } from './chain-hash'
import { sanitizeAuditValue } from './sanitize'

const ACTION_PATTERN = /^[A-Z][A-Z0-9_]{1,63}$/
const NATIONAL = '*'

/** Hash of an entry as DESIGN §5 defines it (the entry's `hash` field, if any, is left out). */
export const hashEntry = (entry: UnsealedEntry | AuditEntry): string => sealHash(entry)

const checkInput = (input: AuditInput): void => {
  if (input.entityId.length === 0) throw new RangeError('audit entry needs an entityId')
  if (!ACTION_PATTERN.test(input.action))
    throw new RangeError(`audit action must be UPPER_SNAKE: ${input.action}`)
  // `isWithin(code, '*')` accepts exactly the well-formed codes: a typo in an area would hide the entry from review.
  if (input.area !== NATIONAL && !isWithin(input.area, NATIONAL))
    throw new RangeError(`audit entry needs a Kemendagri area code or *: ${input.area}`)
}

const maskedActor = (actor: AuditActor): AuditActor => ({
  id: actor.id,
  role: actor.role,
  ...(actor.ip === undefined ? {} : { ip: actor.ip }),
  ...(actor.userAgent === undefined ? {} : { userAgent: maskDigitsIn(actor.userAgent) }),
})

/**
 * The entry that follows `head` (the chain's current last entry, `undefined` for a new
 * chain). Pure: the caller reads the head and supplies `at`; the write must be
 * conditional on the new (entityId, seq) not existing, so two writers cannot both
 * extend the same head.
 */
export const nextEntry = (
  head: Pick<AuditEntry, 'entityId' | 'seq' | 'hash'> | undefined,
  input: AuditInput,
  at: Date,
): AuditEntry => {
  checkInput(input)
  if (head && head.entityId !== input.entityId)
    throw new RangeError(`head of ${head.entityId} given for an entry of ${input.entityId}`)
  const headPosition = head ? parseSeq(head.seq) : 0
  if (headPosition === undefined) throw new RangeError(`malformed head seq: ${head?.seq}`)
  const unsealed: UnsealedEntry = {
    entityId: input.entityId,
    seq: formatSeq(headPosition + 1),
    at: at.toISOString(),
    area: input.area,
    actor: maskedActor(input.actor),
    action: input.action,
    before: sanitizeAuditValue(input.before),
    after: sanitizeAuditValue(input.after),
    correlationId: maskDigitsIn(input.correlationId),
    prevHash: head?.hash ?? GENESIS_HASH,
  }
  return { ...unsealed, hash: hashEntry(unsealed) }
}
