/**
 * The structure shared by the NIK and the No. KK (DESIGN §1): 16 digits, of which 1–6
 * are the kecamatan of registration without dots, 7–12 a date DDMMYY and 13–16 a
 * serial that is never `0000`. On a NIK the date is the birth date with 40 added to the
 * day for women; on a KK it is the issue date.
 */
import { kecamatanFromCompact } from '../areas/area-code'

export interface DecodedIdentityNumber {
  /** Dotted kecamatan code of registration, e.g. `32.01.14`. */
  kecamatanCode: string
  /** Calendar day, 1–31 (the +40 of a woman's NIK removed). */
  day: number
  month: number
  /** Last two digits of the year; the century is not encoded. */
  yearOfCentury: number
  /** Whether the day carried +40 (on a NIK: the holder is a woman). */
  dayPlus40: boolean
  serial: string
}

/** Splits a 16-digit number into its parts; `undefined` if it is not 16 ASCII digits. */
export const decodeIdentityNumber = (value: string): DecodedIdentityNumber | undefined => {
  if (!/^\d{16}$/.test(value)) return undefined
  const rawDay = Number(value.slice(6, 8))
  return {
    // Six digits always decode; the fallback only satisfies the type.
    kecamatanCode: kecamatanFromCompact(value.slice(0, 6)) ?? '',
    day: rawDay > 40 ? rawDay - 40 : rawDay,
    month: Number(value.slice(8, 10)),
    yearOfCentury: Number(value.slice(10, 12)),
    dayPlus40: rawDay > 40,
    serial: value.slice(12),
  }
}

/**
 * Whether day/month/yy is a real date. Two-digit years are checked in the 2000s: every
 * year that is leap in the 1900s is leap in the 2000s, so this accepts a date that is
 * real in either century (29 Feb "00" included, as 2000 was a leap year).
 */
export const isRealDate = ({ day, month, yearOfCentury }: DecodedIdentityNumber): boolean => {
  const date = new Date(Date.UTC(2000 + yearOfCentury, month - 1, day))
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}
