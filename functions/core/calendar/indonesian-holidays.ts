/**
 * The national holiday calendar: public holidays of `date-holidays` (country ID) plus a
 * list of extra days off, by default the cuti bersama of SKB Menteri Agama, Menteri
 * Ketenagakerjaan dan Menteri PANRB No. 1497/2025, 2/2025, 5/2025 (for 2026).
 *
 * The government fixes cuti bersama (and, after sidang isbat, the exact Islamic holiday
 * dates) year by year, and date-holidays computes Islamic dates arithmetically, so it
 * can be a day off from the SKB. Both are corrected by the same list: pass every cuti
 * bersama and every SKB holiday date-holidays misses as `extraDaysOff` (deployment
 * config), and extend the list when the next SKB is signed (usually in September).
 */
import Holidays from 'date-holidays'
import type { HolidayCalendar } from './working-days'

/** Cuti bersama 2026 (SKB 3 Menteri, 2025). Idul Fitri 1447 H falls on 21–22 March. */
export const CUTI_BERSAMA_2026: readonly string[] = [
  '2026-02-16', // Tahun Baru Imlek
  '2026-03-18', // Hari Suci Nyepi
  '2026-03-20', // Idul Fitri
  '2026-03-23', // Idul Fitri
  '2026-03-24', // Idul Fitri
  '2026-05-15', // Kenaikan Yesus Kristus
  '2026-05-28', // Idul Adha
  '2026-12-24', // Natal
]

export interface IndonesianHolidayOptions {
  /** Local dates `YYYY-MM-DD` that are off in addition to date-holidays' public holidays. */
  extraDaysOff?: readonly string[]
}

let holidaysLibrary: Holidays | undefined
const publicHolidaysByYear = new Map<number, ReadonlySet<string>>()

// date-holidays' data does not change within a process, so every calendar shares one
// instance and one set of dates per year (building the instance takes ~50 ms).
const publicHolidaysOf = (year: number): ReadonlySet<string> => {
  let dates = publicHolidaysByYear.get(year)
  if (dates === undefined) {
    holidaysLibrary ??= new Holidays('ID')
    dates = new Set(
      holidaysLibrary
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        // `date` is the local date and time ("2026-03-20 00:00:00 -0600" for moon-based
        // holidays, whose suffix shifts only `start`, not the calendar date).
        .map((holiday) => holiday.date.slice(0, 10)),
    )
    publicHolidaysByYear.set(year, dates)
  }
  return dates
}

export const createIndonesianHolidayCalendar = ({
  extraDaysOff = CUTI_BERSAMA_2026,
}: IndonesianHolidayOptions = {}): HolidayCalendar => {
  const malformed = extraDaysOff.filter((date) => !/^\d{4}-\d{2}-\d{2}$/.test(date))
  if (malformed.length > 0)
    throw new RangeError(`extra days off must be YYYY-MM-DD dates: ${malformed.join(', ')}`)
  const extra = new Set(extraDaysOff)
  return {
    isHoliday: (localDate) =>
      extra.has(localDate) || publicHolidaysOf(Number(localDate.slice(0, 4))).has(localDate),
  }
}
