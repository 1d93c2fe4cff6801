/**
 * The bank account number and the mother's maiden name of a verval row are protected
 * like a NIK (issue 21, ADR 0034): together with a name and a birth place they answer a
 * bank's security questions. Wherever they are shown or kept outside the batch's packed
 * rows, they go through here.
 */
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

/**
 * `Siti Aminah` → `S. A.`: the initials, so a reader can tell two records apart without
 * learning the name a bank asks for. The number of words stays visible, nothing else.
 */
export const maskName = (value: string): string =>
  value
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => `${Array.from(word)[0] ?? ''}.`)
    .join(' ')
