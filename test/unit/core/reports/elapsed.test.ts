import { describe, expect, it } from 'vitest'
import { createIndonesianHolidayCalendar } from '../../../../functions/core/calendar/indonesian-holidays'
import { elapsedSince } from '../../../../functions/core/reports/elapsed'

const holidays = createIndonesianHolidayCalendar()
const WIB = { timeZone: 'Asia/Jakarta', holidays }
const at = (iso: string) => new Date(iso)

describe('the age of a waiting task', () => {
  it('is 1 hari kerja and 3 days from a Friday to the Monday after', () => {
    // Friday 6 March 2026 10:00 WIB → Monday 9 March 09:00 WIB.
    expect(elapsedSince(at('2026-03-06T03:00:00Z'), at('2026-03-09T02:00:00Z'), WIB)).toEqual({
      days: 3,
      workingDays: 1,
    })
  })

  it('is nothing on the day it started', () => {
    expect(elapsedSince(at('2026-03-09T01:00:00Z'), at('2026-03-09T09:00:00Z'), WIB)).toEqual({
      days: 0,
      workingDays: 0,
    })
  })

  it('skips national holidays and cuti bersama', () => {
    // Wednesday 23 Dec 2026 → Monday 28 Dec: the 24th is cuti bersama, the 25th Natal, then a weekend.
    expect(elapsedSince(at('2026-12-23T03:00:00Z'), at('2026-12-28T03:00:00Z'), WIB)).toEqual({
      days: 5,
      workingDays: 1,
    })
  })

  it('counts days on the area’s calendar, not UTC', () => {
    // 14:30 → 15:30 UTC on Monday 9 March is 23:30 Monday → 00:30 Tuesday in Jayapura (WIT),
    // but 21:30 → 22:30 on the same Monday in Jakarta (WIB).
    const wit = { timeZone: 'Asia/Jayapura', holidays }
    expect(elapsedSince(at('2026-03-09T14:30:00Z'), at('2026-03-09T15:30:00Z'), wit)).toEqual({
      days: 1,
      workingDays: 1,
    })
    expect(elapsedSince(at('2026-03-09T14:30:00Z'), at('2026-03-09T15:30:00Z'), WIB)).toEqual({
      days: 0,
      workingDays: 0,
    })
  })
})
