import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { birthDateProblem, birthYearOf } from '../../../../functions/core/identity/birth-date'

const NOW = new Date('2026-12-06T04:00:00Z')
const DAY_MS = 86_400_000
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)

describe('the bounds of a birth date', () => {
  it('tomorrow is in the future; today and 120 years ago to the day are not', () => {
    expect(birthDateProblem('2026-12-07', NOW)).toBe('FUTURE')
    expect(birthDateProblem('2026-12-06', NOW)).toBeUndefined()
    expect(birthDateProblem('1906-12-06', NOW)).toBeUndefined()
    expect(birthDateProblem('1906-12-05', NOW)).toBe('TOO_OLD')
  })

  it('every date of the last 120 years is accepted, every later one refused as future', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 43_000 }), fc.integer({ min: 1, max: 5_000 }), (back, ahead) => {
        expect(birthDateProblem(isoOf(NOW.getTime() - back * DAY_MS), NOW)).toBeUndefined()
        expect(birthDateProblem(isoOf(NOW.getTime() + ahead * DAY_MS), NOW)).toBe('FUTURE')
      }),
    )
  })

  it('the year is what a masked view keeps; an anonymised record has none', () => {
    expect(birthYearOf('1980-07-05')).toBe(1980)
    expect(birthYearOf('')).toBeNull()
  })
})
