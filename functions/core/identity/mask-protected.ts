/**
 * The bank account number and the mother's maiden name of a verval row are protected
 * like a NIK (issue 21, ADR 0034): together with a name and a birth place they answer a
 * bank's security questions. Wherever they are shown or kept outside the batch's packed
 * rows, they go through here.
 */
import { SEPARATOR } from './separator'

const STAR = '*'
const SHOWN_ACCOUNT_DIGITS = 4
/** Below this many characters the last four would be most of the number: nothing is shown. */
const SHORTEST_SHOWN_ACCOUNT = 8

/**
 * `0123456789012` → `*********9012`: the last four, enough for staff and the family to
 * tell which account, useless to take money from. Anything shorter than eight
 * characters is starred out whole.
 */
export const maskAccount = (value: string): string =>
  value.length < SHORTEST_SHOWN_ACCOUNT
    ? STAR.repeat(value.length)
    : STAR.repeat(value.length - SHOWN_ACCOUNT_DIGITS) + value.slice(-SHOWN_ACCOUNT_DIGITS)

const wordsOf = (name: string): string[] => name.split(/\s+/).filter((word) => word !== '')

/**
 * `Siti Aminah` → `S. A.`: the initials, so a reader can tell two records apart without
 * learning the name a bank asks for. The number of words stays visible, nothing else.
 */
export const maskName = (value: string): string =>
  wordsOf(value)
    .map((word) => `${Array.from(word)[0] ?? ''}.`)
    .join(' ')

/** The protected values of one record, as free text about it (a reveal's purpose) may quote them. */
export interface ProtectedValues {
  no_rekening?: string | undefined
  nama_ibu_kandung?: string | undefined
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
// What people type between the digit groups of an account number (`0021 0002 01201`, `0021-000-201201`).
const DIGIT_SEPARATOR = `${SEPARATOR}{0,3}`

const accountPattern = (account: string): RegExp | undefined => {
  const digits = account.replace(/\D/g, '')
  if (digits.length < SHORTEST_SHOWN_ACCOUNT) return undefined
  return new RegExp(`(?<!\\d)${[...digits].join(DIGIT_SEPARATOR)}(?!\\d)`, 'g')
}

const namePattern = (name: string): RegExp | undefined => {
  const words = wordsOf(name)
  if (words.length === 0) return undefined
  // A whole word, and never a letter of a dotted abbreviation: a short name (`A`, `Ai`, a
  // common Sundanese one) is still starred in `ibu Ai`, while `a.n.` stays as written.
  return new RegExp(
    `(?<![\\p{L}\\p{N}]|\\p{L}\\.)${words.map(escapeRegExp).join('\\s+')}(?![\\p{L}\\p{N}]|\\.\\p{L})`,
    'giu',
  )
}

/**
 * `text` with the record's bank account number (however its digits were grouped) and its
 * mother's name (in any case) replaced by their masks: what a purpose typed beside the
 * opened row may quote is kept as every other view shows it.
 */
export const maskProtectedIn = (text: string, values: ProtectedValues): string => {
  const account = values.no_rekening ? accountPattern(values.no_rekening) : undefined
  const name = values.nama_ibu_kandung ? namePattern(values.nama_ibu_kandung) : undefined
  const withoutAccount = account ? text.replace(account, (run) => maskAccount(run.replace(/\D/g, ''))) : text
  return name && values.nama_ibu_kandung
    ? withoutAccount.replace(name, maskName(values.nama_ibu_kandung))
    : withoutAccount
}
