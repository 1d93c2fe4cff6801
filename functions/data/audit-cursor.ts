/**
 * The opaque `cursor` of audit lists (DESIGN §4): base64url of the DynamoDB key to
 * resume after. A cursor is checked against the shape of the query it is given to, so a
 * forged or stale one is a 400, never a DynamoDB validation error (500) and never a
 * way into another partition.
 */
import { BadRequestError } from '../shared/errors'

export type CursorKey = Record<string, string>

export const encodeCursor = (key: CursorKey): string =>
  Buffer.from(JSON.stringify(key), 'utf8').toString('base64url')

const invalid = () =>
  new BadRequestError('Kursor halaman tidak sah.', [{ path: 'cursor', message: 'Kursor tidak sah.' }])

/** The key in `cursor`, which must hold exactly the attributes of one of `shapes` (strings) and satisfy `belongs`. */
export const decodeCursor = (
  cursor: string,
  shapes: readonly (readonly string[])[],
  belongs: (key: CursorKey) => boolean,
): CursorKey => {
  let value: unknown
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid()
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw invalid()
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid()
  const entries = Object.entries(value)
  const wellFormed = shapes.some(
    (attributes) =>
      entries.length === attributes.length &&
      entries.every(
        ([name, item]) => attributes.includes(name) && typeof item === 'string' && item.length > 0,
      ),
  )
  if (!wellFormed || !belongs(value as CursorKey)) throw invalid()
  return value as CursorKey
}
