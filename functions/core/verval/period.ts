/**
 * The verval period (DESIGN §4): `YYYY-MM`, the current or the previous month on the
 * wall calendar of the area's zone (WIB/WITA/WIT), so a TKSK in Jayapura uploading at
 * 00:30 on the 1st is already in the new month.
 */
import { localDateOf } from '../calendar/local-date'

export type PeriodProblem = 'FORMAT' | 'FUTURE' | 'TOO_OLD'

export const PERIOD_MESSAGES: Readonly<Record<PeriodProblem, string>> = {
  FORMAT: 'Periode harus berformat TTTT-BB, misalnya 2026-01.',
  FUTURE: 'Periode tidak boleh di masa depan.',
  TOO_OLD: 'Periode hanya boleh bulan berjalan atau bulan sebelumnya.',
}

const monthIndex = (year: number, month: number): number => year * 12 + (month - 1)

/** What is wrong with `period` at `now` in `timeZone`; `undefined` when it is accepted. */
export const periodProblem = (period: string, now: Date, timeZone: string): PeriodProblem | undefined => {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period)
  if (!match) return 'FORMAT'
  const today = localDateOf(now, timeZone)
  const current = monthIndex(Number(today.slice(0, 4)), Number(today.slice(5, 7)))
  const asked = monthIndex(Number(match[1]), Number(match[2]))
  if (asked > current) return 'FUTURE'
  if (asked < current - 1) return 'TOO_OLD'
  return undefined
}
