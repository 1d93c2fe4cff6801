/**
 * The month of a report (`YYYY-MM`) as the area's wall calendar has it: a case filed at
 * 23:30 WIB on 31 January belongs to January, although it is 16:30 UTC. Instants stay
 * UTC; these bounds are where the month meets them.
 */
import * as z from 'zod'
import { addCalendarDays, endOfLocalDay, localDateOf } from '../calendar/local-date'

export const reportMonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Bulan harus berformat TTTT-BB, misalnya 2026-01.')

export interface MonthBounds {
  month: string
  /** First millisecond of the month in the zone, as a UTC instant (inclusive). */
  from: Date
  /** Last millisecond of the month in the zone, as a UTC instant (inclusive). */
  to: Date
}

const lastDayOf = (month: string): string => {
  const [year, mm] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, mm, 0)).toISOString().slice(0, 10)
}

export const monthBounds = (month: string, timeZone: string): MonthBounds => ({
  month,
  from: new Date(endOfLocalDay(addCalendarDays(`${month}-01`, -1), timeZone).getTime() + 1),
  to: endOfLocalDay(lastDayOf(month), timeZone),
})

/** The `YYYY-MM` that the zone's calendar shows at `instant`. */
export const monthOf = (instant: Date, timeZone: string): string => localDateOf(instant, timeZone).slice(0, 7)

export const isWithinMonth = (iso: string | undefined, bounds: MonthBounds): boolean => {
  if (!iso) return false
  const at = Date.parse(iso)
  return at >= bounds.from.getTime() && at <= bounds.to.getTime()
}

/**
 * How far before a month the reports read cases: a stage that ends in the month may have
 * started long before (assessment and approval each run up to 30 days, a referral's
 * result up to 60 more, and a REVISE starts a round again). 180 days holds every
 * ordinary case; a case still moving after that is missed by the medians (ADR 0007).
 */
export const REPORT_LOOKBACK_DAYS = 180

/** The filing window whose cases can have activity in the month. */
export const filingWindow = (bounds: MonthBounds): { from: Date; to: Date } => ({
  from: new Date(bounds.from.getTime() - REPORT_LOOKBACK_DAYS * 24 * 60 * 60 * 1000),
  to: bounds.to,
})
