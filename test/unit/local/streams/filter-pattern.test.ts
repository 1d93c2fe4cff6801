/**
 * The local event source mappings filter with Lambda's rules (ADR 0014): the subset our
 * patterns use, and a refusal of any other rule rather than a loose match.
 */
import { describe, expect, it } from 'vitest'
import { compileFilterPattern } from '../../../../infra/local/streams/filter-pattern'
import type { FilterPattern } from '../../../../functions/triggers/stream-settings'

const pattern: FilterPattern = {
  eventName: ['INSERT', 'MODIFY'],
  dynamodb: { NewImage: { pk: { S: [{ prefix: 'MAIL#' }] }, status: { S: ['PENDING'] } } },
}

const matches = compileFilterPattern(pattern)

const record = (eventName: string, image?: Record<string, unknown>) => ({
  eventName,
  dynamodb: { Keys: { pk: { S: 'MAIL#1' } }, ...(image ? { NewImage: image } : {}) },
})

describe('the local stream filter', () => {
  it('takes a record whose every field the pattern names meets one of its rules', () => {
    expect(matches(record('INSERT', { pk: { S: 'MAIL#1' }, status: { S: 'PENDING' } }))).toBe(true)
    expect(matches(record('MODIFY', { pk: { S: 'MAIL#' }, status: { S: 'PENDING' } }))).toBe(true)
  })

  it('refuses a record with one field outside its rules: another event, a value, a prefix not at the start', () => {
    expect(matches(record('REMOVE', { pk: { S: 'MAIL#1' }, status: { S: 'PENDING' } }))).toBe(false)
    expect(matches(record('INSERT', { pk: { S: 'MAIL#1' }, status: { S: 'SENT' } }))).toBe(false)
    expect(matches(record('INSERT', { pk: { S: 'X#MAIL#1' }, status: { S: 'PENDING' } }))).toBe(false)
    // Exact strings are case-sensitive, as Lambda's.
    expect(matches(record('insert', { pk: { S: 'MAIL#1' }, status: { S: 'PENDING' } }))).toBe(false)
  })

  it('refuses a record missing a field the pattern names, or holding another type there', () => {
    expect(matches(record('REMOVE'))).toBe(false)
    expect(matches(record('INSERT', { pk: { S: 'MAIL#1' } }))).toBe(false)
    expect(matches(record('INSERT', { pk: { S: 'MAIL#1' }, status: { N: '1' } }))).toBe(false)
    expect(matches(record('INSERT', { pk: { S: 'MAIL#1' }, status: 'PENDING' }))).toBe(false)
    expect(matches(record('INSERT', { pk: { S: 'MAIL#1' }, status: { S: { S: 'PENDING' } } }))).toBe(false)
    expect(matches(undefined)).toBe(false)
  })

  it('takes an array value when one of its elements meets a rule', () => {
    expect(compileFilterPattern({ tags: ['b'] })({ tags: ['a', 'b'] })).toBe(true)
    expect(compileFilterPattern({ tags: ['c'] })({ tags: ['a', 'b'] })).toBe(false)
  })

  it('refuses a pattern with a rule it does not know, instead of matching it loosely', () => {
    expect(() => compileFilterPattern(pattern)).not.toThrow()
    const unknown = [{ 'anything-but': ['SENT'] }, { prefix: 'A', suffix: 'B' }, { numeric: ['>', 0] }]
    for (const rule of unknown)
      expect(() =>
        compileFilterPattern({ dynamodb: { NewImage: { status: { S: [rule as unknown as string] } } } }),
      ).toThrow(/knows no rule/)
    // Empty patterns and rule lists would match everything or nothing, and `null` is no rule.
    const empty: FilterPattern[] = [{}, { dynamodb: {} }, { dynamodb: { NewImage: { status: { S: [] } } } }]
    for (const refused of empty) expect(() => compileFilterPattern(refused)).toThrow(/knows no rule/)
    for (const refused of [null, [null]])
      expect(() =>
        compileFilterPattern({ dynamodb: { NewImage: { status: { S: refused as unknown as string[] } } } }),
      ).toThrow(/knows no rule/)
    expect(() => compileFilterPattern(null as unknown as FilterPattern)).toThrow(/knows no rule/)
  })
})
