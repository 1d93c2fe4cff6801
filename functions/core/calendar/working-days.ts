/**
 * Due dates in hari kerja (DESIGN §1): Saturdays, Sundays, national holidays and cuti
 * bersama are not working days, judged on the calendar of the case's area.
 *
 * Convention: a task created at any moment of day D and due in N working days is due at
 * the end (23:59:59.999 local) of the Nth working day after D. D itself never counts, so
 * work that arrives on a Friday afternoon and is due in 1 working day is due at the end
 * of Monday; the person always gets N whole working days. With N = 0 the due date is the
 * end of D if D is a working day, else of the next working day.
 */
import { addCalendarDays, dayOfWeek, endOfLocalDay, localDateOf } from './local-date'

/** Days off other than weekends, by local date. */
export interface HolidayCalendar {
  isHoliday(localDate: string): boolean
}

export interface WorkingDayOptions {
  /** IANA zone of the area, e.g. from `timeZoneOfArea`. */
  timeZone: string
  holidays: HolidayCalendar
}

const SATURDAY = 6
const SUNDAY = 0
// No real calendar has a year without a working day; a calendar that claims so is
// misconfigured, and looping forever on it would hang a Lambda until its timeout.
const MAX_CONSECUTIVE_DAYS_OFF = 366

export const isWorkingDay = (localDate: string, holidays: HolidayCalendar): boolean => {
  const weekday = dayOfWeek(localDate)
  return weekday !== SATURDAY && weekday !== SUNDAY && !holidays.isHoliday(localDate)
}

const nextWorkingDay = (localDate: string, holidays: HolidayCalendar): string => {
  let date = localDate
  for (let skipped = 0; skipped <= MAX_CONSECUTIVE_DAYS_OFF; skipped++) {
    date = addCalendarDays(date, 1)
    if (isWorkingDay(date, holidays)) return date
  }
  throw new Error(`no working day within a year after ${localDate}: check the holiday calendar`)
}

/** The local date of the due day (see the convention above). */
export const addWorkingDaysToDate = (startDate: string, days: number, holidays: HolidayCalendar): string => {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`working days must be a whole number ≥ 0: ${days}`)
  }
  let date = days === 0 && isWorkingDay(startDate, holidays) ? startDate : nextWorkingDay(startDate, holidays)
  for (let counted = 1; counted < days; counted++) date = nextWorkingDay(date, holidays)
  return date
}

/** The instant a task started at `start` and due in `days` working days falls due. */
export const addWorkingDays = (start: Date, days: number, { timeZone, holidays }: WorkingDayOptions): Date =>
  endOfLocalDay(addWorkingDaysToDate(localDateOf(start, timeZone), days, holidays), timeZone)
