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

const ZONE_NAMES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
}

/** `Senin, 12 Januari 2026 pukul 23.59 WIB`: how people read a due date. */
export const formatLocalTime = (iso: string, area: string): string => {
  const { timeZone } = calendarOf(area)
  const text = new Intl.DateTimeFormat('id-ID', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso))
  return `${text} ${ZONE_NAMES[timeZone] ?? timeZone}`
}
