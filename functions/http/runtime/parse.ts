/**
 * Turns request bodies and query strings into typed values with zod, and zod's issues
 * into the contract's `details[{path, message}]` (dotted paths, the same names as the
 * HTML form fields).
 */
import type { z } from 'zod'
import { BadRequestError, type ErrorDetail, UnsupportedMediaTypeError, ValidationError } from '../../shared/errors'
import type { RequestContext } from './action'

export const issuePath = (path: readonly PropertyKey[]): string => path.map(String).join('.')

export const detailsFromZod = (error: z.ZodError): ErrorDetail[] =>
  error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: issuePath([...issue.path, key]),
          message: 'Kolom ini tidak dikenal.',
        }))
      : [{ path: issuePath(issue.path), message: issue.message }],
  )

export const parseWith = <S extends z.ZodType>(schema: S, value: unknown): z.output<S> => {
  const result = schema.safeParse(value)
  if (!result.success) throw new ValidationError(detailsFromZod(result.error))
  return result.data
}

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
