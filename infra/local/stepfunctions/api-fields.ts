/**
 * Reading an AWS JSON 1.0 request's fields and writing the answer's, as Step Functions
 * does: a missing required field is a ValidationException, timestamps are epoch seconds.
 */
import { SfnApiError } from './api-error'

export type Body = Record<string, unknown>

/** The operations of an API, by name (the `X-Amz-Target` after `AWSStepFunctions.`). */
export type Operations = Record<string, (body: Body) => Promise<unknown>>

export const requiredString = (body: Body, field: string): string => {
  const value = body[field]
  if (typeof value !== 'string' || value === '') {
    throw new SfnApiError('ValidationException', `1 validation error detected: '${field}' must not be null`)
  }
  return value
}

export const optionalString = (body: Body, field: string): string | undefined => {
  const value = body[field]
  return typeof value === 'string' ? value : undefined
}

export const parseJson = (text: string, errorType: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    throw new SfnApiError(errorType, `Invalid JSON: ${text.slice(0, 100)}`)
  }
}

/** AWS JSON carries timestamps as epoch seconds. */
export const epochSeconds = (ms: number): number => ms / 1000
