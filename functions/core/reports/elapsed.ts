/**
 * How long something has waited, as an approver counts it: whole hari kerja and whole
 * calendar days on the area's wall calendar. The day it started never counts (the same
 * convention as due dates in `working-days.ts`): a task opened on Friday and looked at on
 * Monday has waited 1 hari kerja and 3 days.
 */
import { addCalendarDays, localDateOf } from '../calendar/local-date'
import { isWorkingDay, type WorkingDayOptions } from '../calendar/working-days'

const DAY_MS = 24 * 60 * 60 * 1000

export interface Elapsed {
  days: number
  workingDays: number
}

export const elapsedSince = (since: Date, now: Date, { timeZone, holidays }: WorkingDayOptions): Elapsed => {
  const start = localDateOf(since, timeZone)
  const end = localDateOf(now, timeZone)
  if (end <= start) return { days: 0, workingDays: 0 }
  const days = Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS)
  let workingDays = 0
  for (let date = addCalendarDays(start, 1); date <= end; date = addCalendarDays(date, 1))
    if (isWorkingDay(date, holidays)) workingDays++
  return { days, workingDays }
}
