/**
 * NIK and No. KK never appear in full in logs, keys, indexes, pages or emails (DESIGN §1,
 * UU 27/2022): only the kecamatan prefix and the serial stay readable, which is enough
 * for staff to tell records apart and useless for impersonation.
 */
const MASKED_MIDDLE = '******'

/**
 * `3201144507800001` → `320114******0001`. Anything that is not exactly 16 digits is
 * starred out whole: a value we cannot recognise is not shown.
 */
export const maskNik = (value: string): string =>
  /^\d{16}$/.test(value) ? `${value.slice(0, 6)}${MASKED_MIDDLE}${value.slice(12)}` : '*'.repeat(value.length)

/**
 * Masks every NIK-like number in free text (log messages, error strings). A run of
 * exactly 16 digits is masked like a NIK; a longer run is starred out whole, because a
 * NIK can hide inside it at any offset (typed next to another number, say).
 */
export const maskDigitsIn = (text: string): string =>
  text.replace(/\d{16,}/g, (run) => (run.length === 16 ? maskNik(run) : '*'.repeat(run.length)))
