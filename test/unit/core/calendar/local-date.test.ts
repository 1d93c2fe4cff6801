import { describe, expect, it } from 'vitest'
import {
  addCalendarDays,
  dayOfWeek,
  endOfLocalDay,
  localDateOf,
  localYearOf,
} from '../../../../functions/core/calendar/local-date'

describe('local dates', () => {
  const lateEveningUtc = new Date('2026-01-08T16:30:00Z')

  it('one instant is a different date in WIB and WIT', () => {
    expect(localDateOf(lateEveningUtc, 'Asia/Jakarta')).toBe('2026-01-08')
    expect(localDateOf(lateEveningUtc, 'Asia/Makassar')).toBe('2026-01-09')
    expect(localDateOf(lateEveningUtc, 'Asia/Jayapura')).toBe('2026-01-09')
  })

  it('the new year starts earlier in Jayapura than in Jakarta', () => {
    const instant = new Date('2025-12-31T16:00:00Z')
    expect(localYearOf(instant, 'Asia/Jayapura')).toBe(2026)
    expect(localYearOf(instant, 'Asia/Jakarta')).toBe(2025)
  })

  it('a day ends at 23:59:59.999 on the local wall clock', () => {
    expect(endOfLocalDay('2026-01-12', 'Asia/Jakarta').toISOString()).toBe('2026-01-12T16:59:59.999Z')
    expect(endOfLocalDay('2026-01-12', 'Asia/Makassar').toISOString()).toBe('2026-01-12T15:59:59.999Z')
    expect(endOfLocalDay('2026-01-12', 'Asia/Jayapura').toISOString()).toBe('2026-01-12T14:59:59.999Z')
  })

  it('the end of a day is right across a daylight saving change too', () => {
    expect(endOfLocalDay('2026-03-29', 'Europe/Amsterdam').toISOString()).toBe('2026-03-29T21:59:59.999Z')
  })

  it('calendar days roll over months and years', () => {
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addCalendarDays('2028-03-01', -1)).toBe('2028-02-29')
  })

  it('knows the weekday of a date', () => {
    expect(dayOfWeek('2026-01-09')).toBe(5)
    expect(dayOfWeek('2026-01-11')).toBe(0)
  })

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => addCalendarDays('9/1/2026', 1)).toThrow(RangeError)
  })
})
