/**
 * NIK and No. KK never appear in full in logs, keys, indexes, pages or emails (DESIGN §1,
 * UU 27/2022): only the kecamatan prefix and the serial stay readable, which is enough
 * for staff to tell records apart and useless for impersonation.
 */
import { maskBirthDateIn } from './birth-date-text'
import { SEPARATOR } from './separator'

const MASKED_MIDDLE = '******'

/**
 * `3201144507800001` → `320114******0001`. Anything that is not exactly 16 digits is
 * starred out whole: a value we cannot recognise is not shown.
 */
export const maskNik = (value: string): string =>
  /^\d{16}$/.test(value) ? `${value.slice(0, 6)}${MASKED_MIDDLE}${value.slice(12)}` : '*'.repeat(value.length)

// Digits joined by separators, up to three at a time (`3201 - 1445 - …`); a letter or
// other sign ends the run. Separators and digits are disjoint, so the match is linear in
// the text. An already masked number is matched first and kept, so that masking twice changes nothing (the serial of a
// masked NIK must not join a phone number typed after it into a new "NIK").
const MASKED_NUMBER = `\\d{6}\\*{6}\\d{4}(?!\\d)`
// A case reference (`320114-2026-000042`) also has 16 digits. It is kept when its year
// (2013 and later) read as the DDMM of a NIK would be month 13 or more: no birth date,
// so no NIK, can be written that way.
const CASE_REFERENCE = `\\d{6}-20(?:1[3-9]|[2-9]\\d)-\\d{6}(?![\\d.\\-])`
const DIGIT_RUN = new RegExp(`${MASKED_NUMBER}|${CASE_REFERENCE}|\\d(?:${SEPARATOR}{0,3}\\d)*`, 'g')
const NIK_LENGTH = 16

const digitsOf = (run: string): string => run.replace(/\D/g, '')
const KEPT_TOKEN = new RegExp(`^${CASE_REFERENCE}$`)
const isKeptToken = (run: string): boolean => KEPT_TOKEN.test(run)

const WOMAN_DAY_OFFSET = 40

/**
 * The birth dates (`YYYY-MM-DD`) digits 7–12 of a NIK can stand for: DDMMYY with the day
 * + 40 for women, in either century; none when they are no date (a KK's issue date is one
 * too, and starring it out costs nothing).
 */
export const datesEncodedIn = (nik: string): string[] => {
  if (!/^\d{16}$/.test(nik)) return []
  const encodedDay = Number(nik.slice(6, 8))
  const day = encodedDay > WOMAN_DAY_OFFSET ? encodedDay - WOMAN_DAY_OFFSET : encodedDay
  const month = Number(nik.slice(8, 10))
  if (day < 1 || day > 31 || month < 1 || month > 12) return []
  const dayMonth = `${nik.slice(8, 10)}-${String(day).padStart(2, '0')}`
  return ['19', '20'].map((century) => `${century}${nik.slice(10, 12)}-${dayMonth}`)
}

/**
 * Masks every NIK-like number in free text (descriptions, findings, reasons, log lines,
 * error strings), however it was typed: `3201 1445 0780 0001`, `3201.1445.0780.0001`
 * and `3201144507800001` all become `320114******0001`. A run of more than 16 digits is
 * starred out whole, because a NIK can hide inside it at any offset (typed next to
 * another number, say). Shorter runs (phone numbers, dates, amounts) stay as written,
 * except the birth date a masked NIK of the same text encodes: "NIK 3201144507800001
 * lahir 5 Juli 1980" would leave `320114******0001` beside the very digits the mask hides,
 * and text with no person on record (an activity note, a purpose) has no other way to
 * know that date, so its day and month are starred out too (`** ** 1980`).
 */
export const maskDigitsIn = (text: string): string => {
  const encodedDates = new Set<string>()
  const masked = text.replace(DIGIT_RUN, (run) => {
    const digits = digitsOf(run)
    if (digits.length < NIK_LENGTH || isKeptToken(run)) return run
    if (digits.length > NIK_LENGTH) return '*'.repeat(run.length)
    for (const date of datesEncodedIn(digits)) encodedDates.add(date)
    return maskNik(digits)
  })
  return [...encodedDates].reduce((out, date) => maskBirthDateIn(out, date), masked)
}

/** Whether `text` holds a NIK-like number that `maskDigitsIn` would mask. */
export const holdsIdentityNumber = (text: string): boolean =>
  (text.match(DIGIT_RUN) ?? []).some((run) => digitsOf(run).length >= NIK_LENGTH && !isKeptToken(run))

/** `value` with `fn` applied to every string inside it, keys included (plain JSON-like data). */
export const mapStrings = <T>(value: T, fn: (text: string) => string): T => {
  if (typeof value === 'string') return fn(value) as T
  if (Array.isArray(value)) return value.map((item: unknown) => mapStrings(item, fn)) as T
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [fn(key), mapStrings(item, fn)]),
    ) as T
  return value
}

/** Every string inside a JSON-like value masked (keys included), for whole answers and views. */
export const maskDigitsDeep = <T>(value: T): T => mapStrings(value, maskDigitsIn)
