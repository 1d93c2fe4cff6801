/**
 * For a file that reports on "this month" (WIB) and records things in it as it goes: when
 * the month has less than `marginMs` left, the project clock is moved on to 08:00 WIB on
 * the 1st of the next month. Otherwise a run across local midnight at a month's end
 * (31 December 23:59 WIB, say) reports on one month and records its register entries in
 * the next. Call it once the file's platform has started (its start sets the clock).
 */
import { nowMs } from '../../functions/shared/clock'
import { advanceClockTo } from './advance-clock'

const WIB_MS = 7 * 3600_000

export const clearOfMonthEnd = async (baseUrl: string, marginMs = 15 * 60_000): Promise<void> => {
  const wib = new Date(nowMs() + WIB_MS)
  const nextMonth = Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth() + 1, 1)
  if (nextMonth - wib.getTime() >= marginMs) return
  // 08:00 WIB on the 1st: the UTC instant of its local midnight plus eight hours.
  await advanceClockTo(baseUrl, nextMonth - WIB_MS + 8 * 3600_000)
}
