/**
 * Case reference numbers, `320114-2026-000042`: the kecamatan code without dots, the
 * reference year and a six-digit serial from the per-kecamatan, per-year counter
 * (DESIGN §1). Residents read them out on the phone and type them into the status page,
 * so the format stays short, digits only and fixed-width.
 */
import * as z from 'zod'
import { areaLevel, compactCode, kecamatanFromCompact } from '../areas/area-code'
import { timeZoneOfArea } from '../areas/time-zones'
import { localYearOf } from '../calendar/local-date'

export const REFERENCE_PATTERN = /^(\d{6})-(\d{4})-(\d{6})$/
export const MAX_REFERENCE_SERIAL = 999_999

export interface CaseReference {
  /** Dotted kecamatan code, e.g. `32.01.14`. */
  kecamatanCode: string
  year: number
  serial: number
}

const MIN_YEAR = 2000
const MAX_YEAR = 9999

export const formatReference = (kecamatanCode: string, year: number, serial: number): string => {
  if (areaLevel(kecamatanCode) !== 'district') throw new RangeError(`not a kecamatan code: ${kecamatanCode}`)
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`bad reference year: ${year}`)
  }
  if (!Number.isInteger(serial) || serial < 1 || serial > MAX_REFERENCE_SERIAL) {
    throw new RangeError(`reference serial out of range 1–${MAX_REFERENCE_SERIAL}: ${serial}`)
  }
  return `${compactCode(kecamatanCode)}-${year}-${String(serial).padStart(6, '0')}`
}

/** The parts of a well-formed reference; `undefined` for anything `formatReference` would not produce. */
export const parseReference = (reference: string): CaseReference | undefined => {
  const match = REFERENCE_PATTERN.exec(reference)
  const kecamatanCode = match && kecamatanFromCompact(match[1] ?? '')
  if (!match || !kecamatanCode) return undefined
  const year = Number(match[2])
  const serial = Number(match[3])
  return year >= MIN_YEAR && serial >= 1 ? { kecamatanCode, year, serial } : undefined
}

export const isReference = (value: string): boolean => parseReference(value) !== undefined

/** For the status page and any input that carries a reference. */
export const referenceSchema = z
  .string()
  .trim()
  .refine(isReference, { message: 'Nomor registrasi harus berformat 320114-2026-000042.' })

/**
 * The year a case created at `now` is numbered under, the calendar year in the zone of
 * its kecamatan: a request sent at 00:30 WIB on 1 January counts in the new year
 * although it is still 31 December in UTC.
 */
export const referenceYear = (now: Date, kecamatanCode: string): number => {
  const timeZone = timeZoneOfArea(kecamatanCode)
  if (timeZone === undefined) throw new RangeError(`no time zone for area ${kecamatanCode}`)
  return localYearOf(now, timeZone)
}
