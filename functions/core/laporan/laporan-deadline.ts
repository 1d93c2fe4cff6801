/**
 * When the laporan of a month is due (issue 16 item 5, ADR 0039): at the end of the 5th
 * hari kerja of the next month on the kecamatan's calendar; the TKSK is reminded one hari
 * kerja earlier, and Dinsos is told at the due moment, as task deadlines do (DESIGN §3).
 */
import { addCalendarDays, endOfLocalDay } from '../calendar/local-date'
import { addWorkingDaysToDate, type WorkingDayOptions } from '../calendar/working-days'

export const LAPORAN_DUE_WORKING_DAY = 5

const firstOfNextMonth = (month: string): string => {
  const [year, mm] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, mm, 1)).toISOString().slice(0, 10)
}

export interface LaporanDeadline {
  remindAt: string
  dueAt: string
}

export const laporanDeadline = (
  month: string,
  { timeZone, holidays }: WorkingDayOptions,
): LaporanDeadline => {
  // Counting from the last day of the month makes the 1st (if a working day) day one.
  const lastOfMonth = addCalendarDays(firstOfNextMonth(month), -1)
  const dueDate = addWorkingDaysToDate(lastOfMonth, LAPORAN_DUE_WORKING_DAY, holidays)
  const remindDate = addWorkingDaysToDate(lastOfMonth, LAPORAN_DUE_WORKING_DAY - 1, holidays)
  return {
    remindAt: endOfLocalDay(remindDate, timeZone).toISOString(),
    dueAt: endOfLocalDay(dueDate, timeZone).toISOString(),
  }
}

/** The first day of the month after `month`, as a local date (for the calendar of that year). */
export const laporanDueMonthStart = firstOfNextMonth

/** The month before `month` (`2027-01` → `2026-12`): whose laporan falls due in `month`. */
export const previousMonth = (month: string): string => {
  const [year, mm] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, mm - 2, 1)).toISOString().slice(0, 7)
}
