/**
 * The working-day calendar of an area: its zone (WIB/WITA/WIT), the national public
 * holidays, and the days off the product keeps per year (cuti bersama, SKB corrections;
 * ADR 0015). A due date falling in a year without a kept list is computed all the same
 * and marked (`unlistedYears`), so the task can say its date may move. How a due date
 * reads is core/calendar/local-time.ts.
 */
import { INDONESIAN_TIME_ZONES, timeZoneOfArea } from '../../core/areas/time-zones'
import { createIndonesianHolidayCalendar } from '../../core/calendar/indonesian-holidays'
import type { CalendarYear } from '../../core/calendar/days-off'
import { localYearOf } from '../../core/calendar/local-date'
import type { WorkingDayOptions } from '../../core/calendar/working-days'
import type { MarkedSchedule, TaskSchedule } from '../../core/case/task-schedule'
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
 * The years whose lists a calendar in `timeZone` reads at `at`: this year and next (a task
 * opened in late December is due in January; no due date reaches further).
 */
const yearsRead = (timeZone: string, at: Date): number[] => {
  const year = localYearOf(at, timeZone)
  return [year, year + 1]
}

/**
 * Every year whose list some area's calendar may read at `at` (usually two; three around
 * New Year, when the zones' years differ): a step that reads them with the case reads
 * them before it knows the case's area.
 */
export const calendarYearsAt = (at: Date): number[] =>
  [...new Set(Object.values(INDONESIAN_TIME_ZONES).flatMap((zone) => yearsRead(zone, at)))].sort(
    (a, b) => a - b,
  )

/**
 * The area's calendar at `at` from lists already read, `lists[i]` being that of `years[i]`
 * (`calendarYearsAt(at)` holds every year any area needs).
 */
export const calendarFromLists = (
  area: string,
  at: Date,
  years: readonly number[],
  lists: readonly (CalendarYear | undefined)[],
): AreaCalendar => {
  const timeZone = zoneOf(area)
  const read = yearsRead(timeZone, at)
  const listOf = (year: number) => {
    const index = years.indexOf(year)
    if (index < 0) throw new RangeError(`the calendar of ${year} was not read`)
    return lists[index]
  }
  const own = read.map(listOf)
  return {
    timeZone,
    holidays: createIndonesianHolidayCalendar({
      extraDaysOff: own.flatMap((list) => list?.daysOff.map((day) => day.date) ?? []),
    }),
    unlistedYears: read.filter((_, index) => !own[index]),
  }
}

/** The calendar for due dates counted from `at`: this year's and next year's lists. */
export const calendarFor = async (area: string, at: Date): Promise<AreaCalendar> => {
  const years = yearsRead(zoneOf(area), at)
  return calendarFromLists(area, at, years, await readCalendarYears(years))
}

/** The year of a due date when that year has no kept list of days off (to mark the task), else undefined. */
export const unlistedDueYear = (calendar: AreaCalendar, dueAtIso: string): number | undefined => {
  const year = localYearOf(new Date(dueAtIso), calendar.timeZone)
  return calendar.unlistedYears.includes(year) ? year : undefined
}

/**
 * `schedule` (counted on `calendar`) marked when its due date falls in a year without a
 * kept list: every task that shows a due date carries the mark, a rescheduled one anew.
 */
export const markUnlisted = (schedule: TaskSchedule, calendar: AreaCalendar): MarkedSchedule => {
  const year = unlistedDueYear(calendar, schedule.dueAt)
  return year ? { ...schedule, dueYearUnlisted: year } : schedule
}
