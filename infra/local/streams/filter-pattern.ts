/**
 * Lambda event filtering for the local event source mappings (ADR 0014): a stream record is
 * handed over only when it matches the mapping's pattern, the very object the CDK puts in the
 * mapping's FilterCriteria (functions/triggers/stream-settings.ts). Only the rules our
 * patterns use are known here, an exact string and a prefix; a pattern with any other rule is
 * refused when the mapping starts rather than matched loosely.
 */
import type { FilterPattern, FilterRule } from '../../../functions/triggers/stream-settings'

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const checkRule = (rule: FilterRule): void => {
  if (typeof rule === 'string') return
  if (Object.keys(rule).length !== 1 || typeof rule.prefix !== 'string')
    throw new Error(`the local stream filter knows no rule ${JSON.stringify(rule)}`)
}

/** Throws on a rule the local matcher does not know (a mapping with it would match otherwise on AWS). */
export const checkFilterPattern = (pattern: FilterPattern): void => {
  for (const value of Object.values(pattern)) {
    if (Array.isArray(value)) (value as readonly FilterRule[]).forEach(checkRule)
    else checkFilterPattern(value as FilterPattern)
  }
}

const meetsRule = (value: unknown, rule: FilterRule): boolean =>
  typeof value === 'string' && (typeof rule === 'string' ? value === rule : value.startsWith(rule.prefix))

/**
 * Lambda's matching: every field of the pattern must be present in the event; a nested
 * pattern matches the object at that field, a list of rules the value there (any one rule,
 * or, for an array value, any one element).
 */
export const matchesFilterPattern = (pattern: FilterPattern, event: unknown): boolean =>
  isObject(event) &&
  Object.entries(pattern).every(([field, expected]) => {
    const value = event[field]
    if (!Array.isArray(expected)) return matchesFilterPattern(expected as FilterPattern, value)
    const rules = expected as readonly FilterRule[]
    const values: unknown[] = Array.isArray(value) ? value : [value]
    return values.some((one) => rules.some((rule) => meetsRule(one, rule)))
  })
