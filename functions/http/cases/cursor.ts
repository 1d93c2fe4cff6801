/** Opaque list cursors: the DynamoDB start key, base64url JSON. A cursor that does not decode is a 400. */
import { BadRequestError } from '../../shared/errors'

export const encodeCursor = (key: Record<string, unknown> | undefined): string | null =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null

export const decodeCursor = (cursor: string | undefined): Record<string, unknown> | undefined => {
  if (cursor === undefined) return undefined
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>
  } catch {
    // not base64url JSON: the same 400 below
  }
  throw new BadRequestError('Cursor tidak valid.', [{ path: 'cursor', message: 'Cursor tidak valid.' }])
}
