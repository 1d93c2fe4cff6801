/**
 * zod's issues as the contract's `details[{path, message}]` (dotted paths, the same names as
 * the HTML form fields). Not HTTP-specific: use cases validate decisions with it too; the HTTP
 * runtime's parse.ts adds reading bodies and query strings.
 */
import type * as z from 'zod'
import { type ErrorDetail, ValidationError } from './errors'

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
