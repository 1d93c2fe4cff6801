/**
 * Form posts (`application/x-www-form-urlencoded`) read as the JSON the API takes: a field
 * named with a dotted path (`applicant.nik`) becomes a nested key, so one zod schema
 * validates both. Names that would reach an object's prototype are refused.
 */
import type { ErrorDetail } from '../shared/errors'

export interface ParsedForm {
  /** Every field as typed (the last of repeated names), to re-render the form. */
  values: Record<string, string>
  /** The same fields as nested JSON. */
  body: Record<string, unknown>
  /** Names that cannot become JSON paths. */
  problems: ErrorDetail[]
}

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor'])

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export const readForm = (text: string, options: { omit?: readonly string[] } = {}): ParsedForm => {
  const values: Record<string, string> = {}
  for (const [name, value] of new URLSearchParams(text)) values[name] = value
  const body: Record<string, unknown> = {}
  const problems: ErrorDetail[] = []
  for (const [name, value] of Object.entries(values)) {
    if (options.omit?.includes(name)) continue
    const segments = name.split('.')
    if (segments.some((s) => s === '' || FORBIDDEN_SEGMENTS.has(s))) {
      problems.push({ path: name, message: 'Kolom ini tidak dikenal.' })
      continue
    }
    let target = body
    let clash = false
    for (const segment of segments.slice(0, -1)) {
      const next = Object.hasOwn(target, segment) ? target[segment] : undefined
      if (next === undefined) target = target[segment] = {} as Record<string, unknown>
      else if (isObject(next)) target = next
      else {
        clash = true
        break
      }
    }
    const leaf = segments[segments.length - 1] ?? ''
    if (clash || isObject(target[leaf])) problems.push({ path: name, message: 'Kolom ini tidak dikenal.' })
    else target[leaf] = value
  }
  return { values, body, problems }
}

export const isFormPost = (contentType: string | undefined): boolean =>
  (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/x-www-form-urlencoded'
