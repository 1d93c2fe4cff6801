/**
 * Link ids and secrets (DESIGN §5 "Links"): the id is opaque, the secret is 32 random
 * bytes of which only the SHA-256 is stored, compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export const newLinkId = (): string => randomBytes(16).toString('base64url')
export const newLinkSecret = (): string => randomBytes(32).toString('base64url')
export const hashLinkSecret = (secret: string): string =>
  createHash('sha256').update(secret, 'utf8').digest('hex')

export const linkSecretMatches = (secret: string, storedHash: string): boolean => {
  const given = Buffer.from(hashLinkSecret(secret), 'hex')
  const stored = Buffer.from(storedHash, 'hex')
  return given.length === stored.length && timingSafeEqual(given, stored)
}
