/**
 * Birth dates (DESIGN §1): never in the future, never more than 120 years back, and —
 * wherever a NIK or KK fragment is shown — shown as the year only, because digits 7–12
 * of a NIK are the birth date and the mask keeps the rest.
 */
export const MAX_AGE_YEARS = 120

export type BirthDateProblem = 'FUTURE' | 'TOO_OLD'

export const BIRTH_DATE_MESSAGES: Record<BirthDateProblem, string> = {
  FUTURE: 'Tanggal lahir tidak boleh di masa depan.',
  TOO_OLD: `Tanggal lahir tidak boleh lebih dari ${MAX_AGE_YEARS} tahun yang lalu.`,
}

// The easternmost zone (WIT, UTC+9): a child born today in Papua is not "in the future"
// while it is still yesterday in UTC.
const LATEST_OFFSET_MS = 9 * 60 * 60 * 1000

/**
 * The calendar date `YYYY-MM-DD` that is already "today" somewhere in Indonesia at `now`:
 * all that `birthDateProblem` reads of `now`.
 */
export const latestToday = (now: Date): string =>
  new Date(now.getTime() + LATEST_OFFSET_MS).toISOString().slice(0, 10)

const yearsBefore = (isoDate: string, years: number): string =>
  `${String(Number(isoDate.slice(0, 4)) - years).padStart(4, '0')}${isoDate.slice(4)}`

/** Why a real `YYYY-MM-DD` date cannot be a living applicant's birth date at `now`; `undefined` when it can. */
export const birthDateProblem = (birthDate: string, now: Date): BirthDateProblem | undefined => {
  const today = latestToday(now)
  if (birthDate > today) return 'FUTURE'
  if (birthDate < yearsBefore(today, MAX_AGE_YEARS)) return 'TOO_OLD'
  return undefined
}

/** `1980-07-05` → 1980; `null` for anything else (an anonymised record keeps no date). */
export const birthYearOf = (birthDate: string): number | null => {
  const match = /^(\d{4})-\d{2}-\d{2}$/.exec(birthDate)
  return match ? Number(match[1]) : null
}
