/**
 * A step that reads the case's calendar with the case itself asks for its years before it
 * knows the case's area (steps/case/load-case.ts): every year any zone's calendar reads.
 */
import { describe, expect, it } from 'vitest'
import type { CalendarYear } from '../../../../functions/core/calendar/days-off'
import { scheduleTask } from '../../../../functions/core/case/task-schedule'
import { calendarFromLists, calendarYearsAt, markUnlisted } from '../../../../functions/flows/case/calendar'

const list = (year: number, date: string): CalendarYear => ({
  year,
  daysOff: [{ date, label: 'Cuti bersama' }],
  source: 'stored',
  version: 1,
})

describe('the calendar years read beside the case', () => {
  it('are this year and next in every zone, three years once New Year has come to some zones only', () => {
    expect(calendarYearsAt(new Date('2026-06-15T03:00:00Z'))).toEqual([2026, 2027])
    // 23:30 in Jakarta, 00:30 in Makassar, 01:30 in Jayapura.
    expect(calendarYearsAt(new Date('2026-12-31T16:30:00Z'))).toEqual([2026, 2027, 2028])
  })

  it('give each area the lists of its own zone’s years, and refuse to guess a year not read', () => {
    const at = new Date('2026-12-31T16:30:00Z')
    const years = calendarYearsAt(at)
    const lists = [list(2026, '2026-12-31'), undefined, list(2028, '2028-01-03')]
    // Bogor (WIB) is still in 2026; Jayapura (WIT) in 2027, whose list nobody kept.
    expect(calendarFromLists('32.01.14', at, years, lists).unlistedYears).toEqual([2027])
    expect(calendarFromLists('91.71.01', at, years, lists).unlistedYears).toEqual([2027])
    expect(calendarFromLists('32.01.14', at, years, lists).holidays.isHoliday('2026-12-31')).toBe(true)
    expect(calendarFromLists('91.71.01', at, years, lists).holidays.isHoliday('2028-01-03')).toBe(true)
    expect(() => calendarFromLists('91.71.01', at, [2026, 2027], lists)).toThrow(RangeError)
  })
})

describe('the mark of a due date counted without its year’s list', () => {
  it('names the due date’s year when that year was not kept, and is absent when it was', () => {
    // Opened on 29 December in Bogor: 5 hari kerja reach into the next year.
    const at = new Date('2026-12-29T03:00:00Z')
    const years = calendarYearsAt(at)
    expect(years).toEqual([2026, 2027])
    const without = calendarFromLists('32.01.14', at, years, [list(2026, '2026-12-24'), undefined])
    const schedule = scheduleTask('ASSESSMENT', at, without)
    expect(schedule.dueAt.slice(0, 4)).toBe('2027')
    expect(markUnlisted(schedule, without)).toEqual({ ...schedule, dueYearUnlisted: 2027 })
    const kept = calendarFromLists('32.01.14', at, years, [
      list(2026, '2026-12-24'),
      list(2027, '2027-01-04'),
    ])
    expect(markUnlisted(scheduleTask('ASSESSMENT', at, kept), kept)).not.toHaveProperty('dueYearUnlisted')
    // A due date still in the kept year is not marked for next year's missing list.
    const june = new Date('2026-06-15T03:00:00Z')
    const juneCalendar = calendarFromLists('32.01.14', june, calendarYearsAt(june), [
      list(2026, '2026-12-24'),
      undefined,
    ])
    expect(markUnlisted(scheduleTask('APPROVAL', june, juneCalendar), juneCalendar)).not.toHaveProperty(
      'dueYearUnlisted',
    )
  })
})
