/**
 * The one hash rule of every chain in the audit trail (entity chains and the anchor
 * chain): hex(sha256(prevHash + RFC 8785 canonical JSON of the record without `hash`)).
 * Canonical JSON makes the hash independent of key order and number spelling, so an
 * auditor can recompute it with any RFC 8785 implementation (docs/audit-verification.md).
 */
import { createHash } from 'node:crypto'
import canonicalize from 'canonicalize'

/** `prevHash` of the first record of a chain. */
export const GENESIS_HASH = '0'.repeat(64)

export const HASH_PATTERN = /^[0-9a-f]{64}$/

export const canonicalJson = (value: unknown): string => {
  const text = canonicalize(value)
  if (text === undefined) throw new TypeError('value has no JSON form')
  return text
}

/** Hashes a record that carries its own `prevHash`; a `hash` field on it is ignored. */
export const sealHash = (record: { prevHash: string; hash?: string }): string => {
  const { hash: _ignored, ...body } = record
  return createHash('sha256').update(record.prevHash).update(canonicalJson(body)).digest('hex')
}
