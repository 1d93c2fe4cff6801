/**
 * The national holiday calendar: public holidays of `date-holidays` (country ID) plus a
 * list of extra days off, by default the cuti bersama of SKB Menteri Agama, Menteri
 * Ketenagakerjaan dan Menteri PANRB No. 1497/2025, 2/2025, 5/2025 (for 2026).
 *
 * date-holidays' dates are precomputed per year into id-public-holidays.json
 * (infra/tools/generate-id-holidays.ts): the library and its moment-timezone data would
 * be ~1.45 MB of every Lambda bundle.
 *
 * The government fixes cuti bersama (and, after sidang isbat, the exact Islamic holiday
 * dates) year by year, and date-holidays computes Islamic dates arithmetically, so it
 * can be a day off from the SKB. Both are corrected by the same list, `extraDaysOff`:
 * the days off an admin keeps per year in the product (ADR 0015, read by
 * flows/case/calendar.ts); the 2026 list below is their built-in seed.
 */
import idPublicHolidays from './id-public-holidays.json'
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

const publicHolidaysByYear = new Map<number, ReadonlySet<string>>(
  Object.entries(idPublicHolidays).map(([year, dates]) => [Number(year), new Set(dates)]),
)

const publicHolidaysOf = (year: number): ReadonlySet<string> => {
  const dates = publicHolidaysByYear.get(year)
  if (dates === undefined) {
    throw new RangeError(
      `no public holidays for ${year}: extend the years of infra/tools/id-public-holidays.ts and regenerate`,
    )
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
