/** The working-day calendar of an area: its zone (WIB/WITA/WIT) and the national days off plus configured cuti bersama. */
import { timeZoneOfArea } from '../../core/areas/time-zones'
import { createIndonesianHolidayCalendar } from '../../core/calendar/indonesian-holidays'
import type { WorkingDayOptions } from '../../core/calendar/working-days'
import { env } from '../../shared/env'

export const calendarOf = (area: string): WorkingDayOptions => {
  const timeZone = timeZoneOfArea(area)
  if (!timeZone) throw new RangeError(`no time zone for area ${area}`)
  const extraDaysOff = env.extraDaysOff()
  return { timeZone, holidays: createIndonesianHolidayCalendar(extraDaysOff ? { extraDaysOff } : {}) }
}
