/**
 * A person's birth date written into free text ("lahir 5 Juli 1980", "05-07-1980"):
 * beside a masked NIK it gives back digits 7–12, so the day and month are starred out
 * wherever a case's text is stored or shown, and the year kept (DESIGN §1: the birth
 * date is shown as its year only). Only the person's own date is looked for, so visit
 * dates and deadlines in the same text stay readable.
 */
import { SEPARATOR } from './separator'

const MONTH_NAMES: readonly string[] = [
  'Januari|January|Jan',
  'Februari|February|Feb|Peb',
  'Maret|March|Mar',
  'April|Apr',
  'Mei|May',
  'Juni|June|Jun',
  'Juli|July|Jul',
  'Agustus|August|Agu|Agt|Aug',
  'September|Sept|Sep',
  'Oktober|October|Okt|Oct',
  'November|Nopember|Nov|Nop',
  'Desember|December|Des|Dec',
]

// Up to three separators between the parts (`05 - 07 - 1980`, `05–07–1980`), as between a NIK's groups.
const SEP = `${SEPARATOR}{1,3}`
const SEP_OR_NONE = `${SEPARATOR}{0,3}`
const NOT_DIGIT_BEFORE = '(?<!\\d)'
// Nor the date part of an ISO timestamp (`2026-01-10T03:00:00Z`): those are the system's own instants.
const NOT_DIGIT_AFTER = '(?!\\d|T\\d)'

/**
 * After a month name and day, the person's year (kept), or no year at all (`ulang tahun
 * 5 Juli`), but never another one: in `kunjungan 5 Juli 2026` the 5 July is a visit, not
 * the birthday. `comma` is what may stand before the year (`July 5, 1980`).
 */
const optionalYear = (year: string, comma: string, lead = `${comma}${SEP_OR_NONE}`): string =>
  `(?:${lead}${year}${NOT_DIGIT_AFTER}|(?!${comma}${SEPARATOR}*\\d))`

const padded = (value: number): string => (value < 10 ? `0?${value}` : String(value))

interface Pattern {
  regex: RegExp
  /** What the match becomes: its year, if the match carried one, with day and month starred. */
  replace: (year: string | undefined) => string
}

const patternsFor = (birthDate: string): Pattern[] => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate)
  if (!match) return []
  const [, yyyy = '', mm = '', dd = ''] = match
  const day = Number(dd)
  const month = Number(mm)
  const yy = yyyy.slice(2)
  // The day as written, or as a woman's NIK writes it (day + 40).
  const days = `(?:${padded(day)}|${day + 40})`
  const months = padded(month)
  const year = `(${yyyy}|${yy})`
  const names = MONTH_NAMES[month - 1] ?? ''
  const flags = 'gi'
  return [
    // 1980-07-05, 1980/7/5
    {
      regex: new RegExp(`${NOT_DIGIT_BEFORE}(${yyyy})${SEP}${months}${SEP}${days}${NOT_DIGIT_AFTER}`, flags),
      replace: (y) => `${y ?? ''}-**-**`,
    },
    // 05-07-1980, 5/7/80, 45.07.80 (day first, Indonesian order)
    {
      regex: new RegExp(`${NOT_DIGIT_BEFORE}${days}${SEP}${months}${SEP}${year}${NOT_DIGIT_AFTER}`, flags),
      replace: (y) => `**-**-${y ?? ''}`,
    },
    // 050780, 05071980 (the NIK's own six digits): without separators only the padded
    // day and month, or `1960` itself would read as day 1, month 9 of '60.
    {
      regex: new RegExp(`${NOT_DIGIT_BEFORE}(?:${dd}|${day + 40})${mm}${year}${NOT_DIGIT_AFTER}`, flags),
      replace: (y) => `**-**-${y ?? ''}`,
    },
    // 07/05/1980 (month first, as an English-locale spreadsheet writes it)
    {
      regex: new RegExp(`${NOT_DIGIT_BEFORE}${months}/${days}/${year}${NOT_DIGIT_AFTER}`, flags),
      replace: (y) => `**/**/${y ?? ''}`,
    },
    // 5 Juli 1980, 05 Jul, 5-Juli-1980
    {
      regex: new RegExp(
        `${NOT_DIGIT_BEFORE}${days}${SEP_OR_NONE}(?:${names})\\b${optionalYear(year, '')}`,
        flags,
      ),
      replace: (y) => (y ? `** ** ${y}` : '** **'),
    },
    // Juli 5, 1980, July 05 1980 (month name first, as English prose writes it). The year
    // follows a comma or a separator: in `Mei 2025` or `Juli 1985` the day would be 20 or 19
    // and the year 25 or 85, read out of one number.
    {
      regex: new RegExp(
        `\\b(?:${names})${SEP_OR_NONE}${days}${optionalYear(year, ',?', `(?:,${SEP_OR_NONE}|${SEP})`)}`,
        flags,
      ),
      replace: (y) => (y ? `** ** ${y}` : '** **'),
    },
  ]
}

/** `text` with every writing of `birthDate`'s day and month starred out (the year kept). */
export const maskBirthDateIn = (text: string, birthDate: string): string =>
  patternsFor(birthDate).reduce(
    (out, { regex, replace }) =>
      out.replace(regex, (...groups: unknown[]) => replace(groups[1] as string | undefined)),
    text,
  )
