/**
 * The Surat Rekomendasi issued when Dinsos approves a case (DESIGN §3.6). It holds what a
 * provider needs to check a printed letter at `/v/{code}` and nothing that identifies the
 * person: the printed copy names them, the verification only confirms the paper is ours.
 * Pure: the caller passes the code, the instant and the names.
 */
import * as z from 'zod'
import { timeZoneOfArea } from '../areas/time-zones'
import { addCalendarDays, localDateOf } from '../calendar/local-date'
import type { ServiceCode } from '../catalog/services'
import type { CaseRecord } from './case-record'

/**
 * How long a letter stays valid, in calendar days from its issue date (inclusive of the
 * last day). Providers act on a referral within weeks; after about three months the
 * family's situation should be assessed again rather than served on an old letter.
 */
export const LETTER_VALIDITY_DAYS = 90

/** Crockford base32: no I, L, O, U, so a code read off paper cannot be mistyped into another. */
export const LETTER_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
/** 16 characters × 5 bits = 80 random bits: not guessable, not enumerable. */
export const LETTER_CODE_LENGTH = 16

export interface RecommendationLetter {
  code: string
  caseId: string
  reference: string
  service: ServiceCode
  /** Kecamatan of the case: the zone of its dates and the scope of the staff who print it. */
  kecamatan: string
  kabupaten: string
  /** The issuing office as printed, e.g. "Dinas Sosial Kabupaten Bogor". */
  officeName: string
  approverName: string
  issuedAt: string
  /** `YYYY-MM-DD` in the area's zone. */
  issueDate: string
  /** Last day the letter is valid, `YYYY-MM-DD` in the area's zone. */
  validUntil: string
}

/** The code of `bytes` random bytes (10 give the 16 characters of `LETTER_CODE_LENGTH`). */
export const encodeLetterCode = (bytes: Uint8Array): string => {
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += LETTER_CODE_ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
  }
  return bits > 0 ? out + LETTER_CODE_ALPHABET[(value << (5 - bits)) & 31] : out
}

/**
 * A code as typed by a person: case and dashes ignored, the Crockford look-alikes read as
 * digits. Anything else fails, and the page answers it like an unknown code.
 */
export const letterCodeSchema = z
  .string()
  .transform((raw) => raw.toUpperCase().replace(/[-\s]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1'))
  .pipe(z.string().regex(new RegExp(`^[${LETTER_CODE_ALPHABET}]{${LETTER_CODE_LENGTH}}$`)))

/** "KABUPATEN BOGOR" (as Kemendagri spells it) → "Dinas Sosial Kabupaten Bogor". */
export const officeNameOf = (kabupatenName: string): string =>
  `Dinas Sosial ${kabupatenName
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase())}`

const zoneOf = (area: string): string => timeZoneOfArea(area) ?? 'Asia/Jakarta'

export const issueLetter = (input: {
  record: CaseRecord
  code: string
  issuedAt: Date
  officeName: string
  approverName: string
}): RecommendationLetter => {
  const { record } = input
  const issueDate = localDateOf(input.issuedAt, zoneOf(record.kecamatan))
  return {
    code: input.code,
    caseId: record.caseId,
    reference: record.reference,
    service: record.recommendation?.service ?? record.service,
    kecamatan: record.kecamatan,
    kabupaten: record.kabupaten,
    officeName: input.officeName,
    approverName: input.approverName,
    issuedAt: input.issuedAt.toISOString(),
    issueDate,
    validUntil: addCalendarDays(issueDate, LETTER_VALIDITY_DAYS - 1),
  }
}

/** The public address that verifies a letter: printed on it as text and as its QR code. */
export const letterVerificationUrl = (publicBaseUrl: string, code: string): string =>
  `${publicBaseUrl.replace(/\/+$/, '')}/v/${code}`

/** Whether the letter is still valid on `now`'s calendar day in the letter's area. */
export const isLetterValid = (letter: RecommendationLetter, now: Date): boolean =>
  localDateOf(now, zoneOf(letter.kecamatan)) <= letter.validUntil
