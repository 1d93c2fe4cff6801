/**
 * Indonesia's public holidays per year as date-holidays (country ID) computes them: the
 * source of functions/core/calendar/id-public-holidays.json, which the functions read
 * instead of date-holidays itself (its moment-timezone data is ~1.45 MB of every bundle).
 */
import Holidays from 'date-holidays'

export const FIRST_YEAR = 2024
export const LAST_YEAR = 2035

export type PublicHolidaysByYear = Record<string, string[]>

export const computeIdPublicHolidays = (first = FIRST_YEAR, last = LAST_YEAR): PublicHolidaysByYear => {
  const library = new Holidays('ID')
  const byYear: PublicHolidaysByYear = {}
  for (let year = first; year <= last; year += 1) {
    byYear[String(year)] = [
      ...new Set(
        library
          .getHolidays(year)
          .filter((holiday) => holiday.type === 'public')
          // `date` is the local date and time ("2026-03-20 00:00:00 -0600" for moon-based
          // holidays, whose suffix shifts only `start`, not the calendar date).
          .map((holiday) => holiday.date.slice(0, 10)),
      ),
    ].sort()
  }
  return byYear
}
