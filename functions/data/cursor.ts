/**
 * The opaque `cursor` of every list (DESIGN §4): base64url JSON of the DynamoDB key to
 * resume after. A cursor is checked against the shape of the query it is given to (its
 * key attributes, all non-empty strings, and the partition it must belong to), so a
 * forged, tampered or stale one is an `InvalidCursorError` (400 `cursor`), never a
 * DynamoDB validation error (500) and never a way into another partition.
 */
import { InvalidCursorError } from './data-errors'

export type CursorKey = Record<string, string>

export const encodeCursor = (key: CursorKey): string =>
  Buffer.from(JSON.stringify(key), 'utf8').toString('base64url')

/** The cursor of a page's DynamoDB `LastEvaluatedKey`, or null on the last page. */
export const nextCursorOf = (lastKey: Record<string, unknown> | undefined): string | null =>
  lastKey ? encodeCursor(lastKey as CursorKey) : null

/** The key in `cursor`, which must hold exactly the attributes of one of `shapes` (strings) and satisfy `belongs`. */
export const decodeCursor = (
  cursor: string,
  shapes: readonly (readonly string[])[],
  belongs: (key: CursorKey) => boolean,
): CursorKey => {
  let value: unknown
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new InvalidCursorError()
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw new InvalidCursorError()
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidCursorError()
  const entries = Object.entries(value)
  const wellFormed = shapes.some(
    (attributes) =>
      entries.length === attributes.length &&
      entries.every(
        ([name, item]) => attributes.includes(name) && typeof item === 'string' && item.length > 0,
      ),
  )
  if (!wellFormed || !belongs(value as CursorKey)) throw new InvalidCursorError()
  return value as CursorKey
}
