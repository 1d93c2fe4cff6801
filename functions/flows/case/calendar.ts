/**
 * The working-day calendar of an area: its zone (WIB/WITA/WIT), the national public
 * holidays, and the days off the product keeps per year (cuti bersama, SKB corrections;
 * ADR 0015). A due date falling in a year without a kept list is computed all the same
 * and marked (`unlistedYears`), so the task can say its date may move. How a due date
 * reads is core/calendar/local-time.ts.
 */
import { timeZoneOfArea } from '../../core/areas/time-zones'
import { createIndonesianHolidayCalendar } from '../../core/calendar/indonesian-holidays'
import { localYearOf } from '../../core/calendar/local-date'
import type { WorkingDayOptions } from '../../core/calendar/working-days'
import { readCalendarYears } from '../../data/calendar-repository'

export interface AreaCalendar extends WorkingDayOptions {
  /** Years read whose list of days off nobody has kept yet. */
  unlistedYears: number[]
}

const zoneOf = (area: string): string => {
  const timeZone = timeZoneOfArea(area)
  if (!timeZone) throw new RangeError(`no time zone for area ${area}`)
  return timeZone
}

/**
 * The calendar for due dates counted from `at`: this year's and next year's lists (a
 * task opened in late December is due in January; no due date reaches further).
 */
export const calendarFor = async (area: string, at: Date): Promise<AreaCalendar> => {
  const timeZone = zoneOf(area)
  const year = localYearOf(at, timeZone)
  const lists = await readCalendarYears([year, year + 1])
  const extraDaysOff = lists.flatMap((list) => list?.daysOff.map((day) => day.date) ?? [])
  return {
    timeZone,
    holidays: createIndonesianHolidayCalendar({ extraDaysOff }),
    unlistedYears: [year, year + 1].filter((_, index) => !lists[index]),
  }
}

/** The year of a due date when that year has no kept list of days off (to mark the task), else undefined. */
export const unlistedDueYear = (calendar: AreaCalendar, dueAtIso: string): number | undefined => {
  const year = localYearOf(new Date(dueAtIso), calendar.timeZone)
  return calendar.unlistedYears.includes(year) ? year : undefined
}
