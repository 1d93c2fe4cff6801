/**
 * What goes into an audit entry's `before`/`after`: plain JSON with every NIK/KK-like
 * number masked (DESIGN §1: NIKs never appear in full in the audit). It runs before the
 * hash is taken, because the stored, hashed value must be the masked one; and it
 * normalises the value to what DynamoDB gives back (no `undefined`, no non-finite or
 * unsafe numbers), so the hash recomputed from a read item matches.
 */
import { holdsIdentityNumber, maskDigitsIn } from '../identity/mask'
import type { JsonValue } from './audit-entry'

const sanitizeNumber = (value: number): JsonValue => {
  if (!Number.isFinite(value)) return null
  const text = String(value)
  // A NIK typed as a number, or an integer DynamoDB would refuse to hand back as a number.
  if (holdsIdentityNumber(text) || (Number.isInteger(value) && !Number.isSafeInteger(value)))
    return maskDigitsIn(text)
  return value
}

export const sanitizeAuditValue = (value: unknown): JsonValue => {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return maskDigitsIn(value)
  if (typeof value === 'number') return sanitizeNumber(value)
  if (typeof value === 'boolean') return value
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString()
  if (Array.isArray(value)) return value.map((item) => sanitizeAuditValue(item))
  if (typeof value === 'object') {
    const result: { [key: string]: JsonValue } = {}
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue
      result[maskDigitsIn(key)] = sanitizeAuditValue(item)
    }
    return result
  }
  // bigint, function, symbol: nothing an audit entry should carry.
  return null
}

/** Whether a value still holds a NIK-like number anywhere (keys included): the write-side guard. */
export const holdsUnmaskedIdentity = (value: unknown): boolean => {
  if (typeof value === 'string') return holdsIdentityNumber(value)
  if (typeof value === 'number') return holdsIdentityNumber(String(value))
  if (Array.isArray(value)) return value.some(holdsUnmaskedIdentity)
  if (value !== null && typeof value === 'object')
    return Object.entries(value).some(
      ([key, item]) => holdsIdentityNumber(key) || holdsUnmaskedIdentity(item),
    )
  return false
}
