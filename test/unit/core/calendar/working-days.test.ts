import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createIndonesianHolidayCalendar } from '../../../../functions/core/calendar/indonesian-holidays'
import { addCalendarDays, localDateOf } from '../../../../functions/core/calendar/local-date'
import {
  addWorkingDays,
  addWorkingDaysToDate,
  type HolidayCalendar,
  isWorkingDay,
} from '../../../../functions/core/calendar/working-days'

const holidays = createIndonesianHolidayCalendar()
const jakarta = { timeZone: 'Asia/Jakarta', holidays }
const noHolidays: HolidayCalendar = { isHoliday: () => false }

describe('working days', () => {
  it('Friday plus one working day is the end of Monday', () => {
    const fridayMorning = new Date('2026-01-09T03:00:00Z') // 10:00 WIB
    expect(addWorkingDays(fridayMorning, 1, jakarta).toISOString()).toBe('2026-01-12T16:59:59.999Z')
  })

  it('the day of the request never counts, however early it arrives', () => {
    const mondayJustAfterMidnight = new Date('2026-01-11T17:00:00Z') // 00:00 WIB Monday
    expect(localDateOf(addWorkingDays(mondayJustAfterMidnight, 1, jakarta), 'Asia/Jakarta')).toBe(
      '2026-01-13',
    )
  })

  it('five working days from the Tuesday before Nyepi 2026 skip Nyepi, Idul Fitri and its cuti bersama', () => {
    const tuesday = new Date('2026-03-17T02:00:00Z')
    expect(localDateOf(addWorkingDays(tuesday, 5, jakarta), 'Asia/Jakarta')).toBe('2026-03-31')
  })

  it('without the cuti bersama list only the national holidays are skipped around Idul Fitri', () => {
    const bare = { timeZone: 'Asia/Jakarta', holidays: createIndonesianHolidayCalendar({ extraDaysOff: [] }) }
    const tuesday = new Date('2026-03-17T02:00:00Z')
    expect(localDateOf(addWorkingDays(tuesday, 5, bare), 'Asia/Jakarta')).toBe('2026-03-26')
  })

  it('a request on 23 December 2026 due in one working day waits past cuti bersama and Christmas', () => {
    const wednesday = new Date('2026-12-23T02:00:00Z')
    expect(localDateOf(addWorkingDays(wednesday, 1, jakarta), 'Asia/Jakarta')).toBe('2026-12-28')
    expect(localDateOf(addWorkingDays(wednesday, 3, jakarta), 'Asia/Jakarta')).toBe('2026-12-30')
  })

  it('late Thursday evening UTC is already Friday in WIT, so the due day moves past the weekend', () => {
    const instant = new Date('2026-01-08T16:30:00Z') // Thu 23:30 WIB, Fri 01:30 WIT
    expect(addWorkingDays(instant, 1, jakarta).toISOString()).toBe('2026-01-09T16:59:59.999Z')
    expect(addWorkingDays(instant, 1, { timeZone: 'Asia/Jayapura', holidays }).toISOString()).toBe(
      '2026-01-12T14:59:59.999Z',
    )
  })

  it('zero working days is the end of today, or of the next working day on a day off', () => {
    expect(addWorkingDaysToDate('2026-01-09', 0, holidays)).toBe('2026-01-09')
    expect(addWorkingDaysToDate('2026-01-10', 0, holidays)).toBe('2026-01-12')
  })

  it('a negative or fractional number of days is refused', () => {
    expect(() => addWorkingDaysToDate('2026-01-09', -1, holidays)).toThrow(RangeError)
    expect(() => addWorkingDaysToDate('2026-01-09', 1.5, holidays)).toThrow(RangeError)
  })

  it('a calendar with no working day at all fails instead of looping forever', () => {
    expect(() => addWorkingDaysToDate('2026-01-09', 1, { isHoliday: () => true })).toThrow(/holiday calendar/)
  })

  it('the due day is a working day with exactly N working days after the start day', () => {
    const localDate = fc
      .date({
        min: new Date('2025-01-01T00:00:00Z'),
        max: new Date('2027-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString().slice(0, 10))
    fc.assert(
      fc.property(localDate, fc.integer({ min: 1, max: 30 }), (start, days) => {
        const due = addWorkingDaysToDate(start, days, holidays)
        expect(isWorkingDay(due, holidays)).toBe(true)
        let counted = 0
        for (let date = addCalendarDays(start, 1); date <= due; date = addCalendarDays(date, 1)) {
          if (isWorkingDay(date, holidays)) counted++
        }
        expect(counted).toBe(days)
      }),
    )
  })

  it('without holidays, five working days are exactly one week', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (offset) => {
        const start = addCalendarDays('2026-01-05', offset)
        fc.pre(isWorkingDay(start, noHolidays))
        expect(addWorkingDaysToDate(start, 5, noHolidays)).toBe(addCalendarDays(start, 7))
      }),
    )
  })
})
