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

/** The JSON body as sent, for a use case that validates it itself (415/400 as parseJsonBody). */
export const readJsonBody = (request: RequestContext): unknown => {
  if (contentType(request) !== 'application/json') throw new UnsupportedMediaTypeError('application/json')
  try {
    return JSON.parse(request.body) as unknown
  } catch {
    throw new BadRequestError('Isi permintaan bukan JSON yang sah.')
  }
}

export const parseJsonBody = <S extends z.ZodType>(request: RequestContext, schema: S): z.output<S> =>
  parseWith(schema, readJsonBody(request))

export const parseQuery = <S extends z.ZodType>(request: RequestContext, schema: S): z.output<S> =>
  parseWith(schema, request.event.queryStringParameters ?? {})
