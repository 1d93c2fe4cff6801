/**
 * Turns request bodies and query strings into typed values with zod; the issues become the
 * contract's `details[{path, message}]` through shared/validation.ts.
 */
import type * as z from 'zod'
import { BadRequestError, UnsupportedMediaTypeError } from '../../shared/errors'
import { parseWith } from '../../shared/validation'
import type { RequestContext } from './action'

export { detailsFromZod, issuePath, parseWith } from '../../shared/validation'

const contentType = (request: RequestContext): string =>
  (request.event.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? ''

export const parseJsonBody = <S extends z.ZodType>(request: RequestContext, schema: S): z.output<S> => {
  if (contentType(request) !== 'application/json') throw new UnsupportedMediaTypeError('application/json')
  let value: unknown
  try {
    value = JSON.parse(request.body)
  } catch {
    throw new BadRequestError('Isi permintaan bukan JSON yang sah.')
  }
  return parseWith(schema, value)
}

export const parseQuery = <S extends z.ZodType>(request: RequestContext, schema: S): z.output<S> =>
  parseWith(schema, request.event.queryStringParameters ?? {})
