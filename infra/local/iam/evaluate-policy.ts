/**
 * IAM's identity-policy evaluation for the Allow statements our roles have: a request is
 * allowed when one statement matches its action (case-insensitive, `*`/`?` wildcards),
 * its resource (case-sensitive wildcards) and all of its conditions; otherwise it is an
 * implicit deny. Conditions support the operators the access statements use; any other
 * operator fails closed.
 */
import type { Conditions } from '../../stacks/statement-data'

/** A statement whose resources are ARNs (patterns), as the evaluator reads it. */
export interface ResolvedStatement {
  actions: readonly string[]
  resources: readonly string[]
  conditions?: Conditions
}

export interface AccessRequest {
  action: string
  resource: string
  /** Condition keys of the request (`dynamodb:LeadingKeys`, `s3:prefix`), each a set of values. */
  context?: Readonly<Record<string, readonly string[]>>
}

const patternCache = new Map<string, RegExp>()

const wildcard = (pattern: string, caseInsensitive: boolean): RegExp => {
  const cacheKey = `${caseInsensitive ? 'i' : 's'}${pattern}`
  let compiled = patternCache.get(cacheKey)
  if (!compiled) {
    const source = pattern
      .split('')
      .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('')
    compiled = new RegExp(`^${source}$`, caseInsensitive ? 'is' : 's')
    patternCache.set(cacheKey, compiled)
  }
  return compiled
}

const matches = (pattern: string, value: string, caseInsensitive = false): boolean =>
  wildcard(pattern, caseInsensitive).test(value)

const equals = (expected: string, value: string) => expected === value

const conditionHolds = (
  operator: string,
  expectedValue: string | readonly string[],
  values: readonly string[] | undefined,
): boolean => {
  const [qualifier, base] = operator.includes(':') ? operator.split(':', 2) : [undefined, operator]
  const test = base === 'StringEquals' ? equals : base === 'StringLike' ? matches : undefined
  if (!test) return false
  const expected = typeof expectedValue === 'string' ? [expectedValue] : expectedValue
  const matchesOne = (value: string) => expected.some((pattern) => test(pattern, value))
  // ForAllValues holds for a request without the key (IAM's documented behaviour).
  if (qualifier === 'ForAllValues') return (values ?? []).every(matchesOne)
  if (qualifier === 'ForAnyValue') return (values ?? []).some(matchesOne)
  if (qualifier !== undefined) return false
  return values !== undefined && values.length === 1 && matchesOne(values[0] ?? '')
}

const statementAllows = (statement: ResolvedStatement, request: AccessRequest): boolean =>
  statement.actions.some((action) => matches(action, request.action, true)) &&
  statement.resources.some((resource) => matches(resource, request.resource)) &&
  Object.entries(statement.conditions ?? {}).every(([operator, keys]) =>
    Object.entries(keys).every(([key, expected]) =>
      conditionHolds(operator, expected, request.context?.[key]),
    ),
  )

export const isAllowed = (statements: readonly ResolvedStatement[], request: AccessRequest): boolean =>
  statements.some((statement) => statementAllows(statement, request))
