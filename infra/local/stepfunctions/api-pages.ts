/**
 * Pages of GetExecutionHistory, ListExecutions and ListStateMachines: their sizes
 * (`maxResults`, AWS's default and maximum) and the opaque `nextToken`s.
 */
import { SfnApiError } from './api-error'
import type { Body } from './api-fields'

const HISTORY_PAGE = { byDefault: 100, max: 1000 }
const LIST_PAGE = { byDefault: 100, max: 1000 }

const pageSize = (body: Body, sizes: { byDefault: number; max: number }): number =>
  Math.min(
    typeof body.maxResults === 'number' && body.maxResults > 0 ? body.maxResults : sizes.byDefault,
    sizes.max,
  )

export const historyPageSize = (body: Body): number => pageSize(body, HISTORY_PAGE)

export const listPageSize = (body: Body): number => pageSize(body, LIST_PAGE)

export const historyPageToken = (lastId: number): string => Buffer.from(String(lastId)).toString('base64url')

export const historyPageStart = (token: string | undefined): number | undefined => {
  if (token === undefined) return undefined
  const id = Number(Buffer.from(token, 'base64url').toString())
  if (!Number.isInteger(id) || id < 1) throw new SfnApiError('InvalidToken', 'Invalid nextToken')
  return id
}

/** A list page token: the index key to continue from, opaque to the caller. */
export const listPageToken = (key: Record<string, unknown>): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url')

export const listPageStart = (token: string | undefined): Record<string, unknown> | undefined => {
  if (token === undefined) return undefined
  try {
    const key: unknown = JSON.parse(Buffer.from(token, 'base64url').toString())
    if (typeof key === 'object' && key !== null && !Array.isArray(key)) return key as Record<string, unknown>
  } catch {
    // answered below
  }
  throw new SfnApiError('InvalidToken', 'Invalid nextToken')
}
