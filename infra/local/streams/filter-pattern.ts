/**
 * Lambda event filtering for the local event source mappings (ADR 0014): a stream record is
 * handed over only when it matches the mapping's pattern, the very object the CDK puts in the
 * mapping's FilterCriteria (functions/triggers/stream-settings.ts). Only the rules our
 * patterns use are known here, an exact string and a prefix; a pattern with any other rule is
 * refused when the mapping starts rather than matched loosely. The pattern is compiled once:
 * every record of the table's stream (sessions, rate limits, audit) goes through it.
 */
import type { FilterPattern, FilterRule } from '../../../functions/triggers/stream-settings'

type Test = (value: unknown) => boolean

const refuse = (rule: unknown): never => {
  throw new Error(`the local stream filter knows no rule ${JSON.stringify(rule)}`)
}

const isPrefixRule = (rule: unknown): rule is { prefix: string } =>
  typeof rule === 'object' &&
  rule !== null &&
  Object.keys(rule).length === 1 &&
  typeof (rule as { prefix?: unknown }).prefix === 'string'

/** One of `rules` met by a string value or, for an array value, by one of its elements. */
const compileRules = (rules: readonly FilterRule[]): Test => {
  // An empty list of rules matches nothing: a mapping that silently drops every record.
  if (rules.length === 0) refuse(rules)
  const exact = new Set<string>()
  const prefixes: string[] = []
  for (const rule of rules as readonly unknown[]) {
    if (typeof rule === 'string') exact.add(rule)
    else if (isPrefixRule(rule)) prefixes.push(rule.prefix)
    else refuse(rule)
  }
  const meets = (value: unknown) =>
    typeof value === 'string' && (exact.has(value) || prefixes.some((prefix) => value.startsWith(prefix)))
  return (value) => (Array.isArray(value) ? value.some(meets) : meets(value))
}

/**
 * Lambda's matching: every field of the pattern must be present in the event; a nested
 * pattern matches the object at that field, a list of rules the value there. Throws on a
 * rule it does not know, and on an empty pattern or list of rules or a `null` one.
 */
export const compileFilterPattern = (pattern: FilterPattern): Test => {
  // An empty pattern would match every record; `null` is no pattern at all.
  if (typeof pattern !== 'object' || pattern === null || Object.keys(pattern).length === 0) refuse(pattern)
  const fields = Object.entries(pattern).map(([field, expected]): [string, Test] => [
    field,
    Array.isArray(expected)
      ? compileRules(expected as readonly FilterRule[])
      : compileFilterPattern(expected as FilterPattern),
  ])
  return (event) => {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) return false
    const object = event as Record<string, unknown>
    for (const [field, test] of fields) if (!test(object[field])) return false
    return true
  }
}
