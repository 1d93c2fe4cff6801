/**
 * Validation of NIK and No. KK numbers with Indonesian messages, in the shape the
 * intake and verval row checks report. Region checks take `isProvince`/`isKecamatan`
 * (usually the `AreaIndex`) because rules in core read no files.
 *
 * A number is issued for life (DESIGN §1): it is refused for its region only when its
 * province never existed. A kecamatan missing from today's list (a region split since)
 * is accepted and reported by `regionFlags`, for the TKSK to check.
 */
import { kecamatanOf, provinceOf } from '../areas/area-code'
import { currentKecamatanCode } from '../areas/region-splits'
import { type DecodedIdentityNumber, decodeIdentityNumber, isRealDate } from './identity-number'

export type NikIssueCode = 'NIK_FORMAT' | 'NIK_REGION' | 'NIK_DATE' | 'NIK_SERIAL' | 'NIK_BIRTHDATE_MISMATCH'
export type KkIssueCode = 'KK_FORMAT' | 'KK_REGION' | 'KK_DATE' | 'KK_SERIAL'

export interface IdentityIssue<Code extends string = NikIssueCode | KkIssueCode> {
  code: Code
  message: string
}

export interface IdentityCheckOptions {
  /**
   * Whether the province exists today. No province has ceased since NIKs were issued
   * (every split left its old province standing), so "not today" is "never existed".
   */
  isProvince: (code: string) => boolean
}

export interface NikCheckOptions extends IdentityCheckOptions {
  /** The applicant's birth date `YYYY-MM-DD`; when given it must match the NIK date. */
  birthDate?: string | undefined
}

interface StructureRules<Code extends string> {
  /** Whether the +40 day offset is allowed (NIK: yes; KK: the date is an issue date). */
  allowsDayPlus40: boolean
  issues: Record<'FORMAT' | 'REGION' | 'DATE' | 'SERIAL', IdentityIssue<Code>>
}

const NIK_RULES: StructureRules<NikIssueCode> = {
  allowsDayPlus40: true,
  issues: {
    FORMAT: { code: 'NIK_FORMAT', message: 'NIK harus terdiri dari 16 digit angka.' },
    REGION: { code: 'NIK_REGION', message: 'Dua digit pertama NIK bukan kode provinsi yang pernah ada.' },
    DATE: { code: 'NIK_DATE', message: 'Digit ke-7 sampai ke-12 NIK bukan tanggal lahir yang valid.' },
    SERIAL: { code: 'NIK_SERIAL', message: 'Empat digit terakhir NIK tidak boleh 0000.' },
  },
}

const KK_RULES: StructureRules<KkIssueCode> = {
  allowsDayPlus40: false,
  issues: {
    FORMAT: { code: 'KK_FORMAT', message: 'Nomor KK harus terdiri dari 16 digit angka.' },
    REGION: {
      code: 'KK_REGION',
      message: 'Dua digit pertama Nomor KK bukan kode provinsi yang pernah ada.',
    },
    DATE: {
      code: 'KK_DATE',
      message: 'Digit ke-7 sampai ke-12 Nomor KK bukan tanggal penerbitan yang valid.',
    },
    SERIAL: { code: 'KK_SERIAL', message: 'Empat digit terakhir Nomor KK tidak boleh 0000.' },
  },
}

const BIRTHDATE_MISMATCH: IdentityIssue<NikIssueCode> = {
  code: 'NIK_BIRTHDATE_MISMATCH',
  message: 'Tanggal lahir tidak sesuai dengan tanggal lahir pada NIK.',
}

// Returns the decoded number only when its date is real, so callers can compare it.
const checkStructure = <Code extends string>(
  value: string,
  rules: StructureRules<Code>,
  { isProvince }: IdentityCheckOptions,
): { issues: IdentityIssue<Code>[]; decoded?: DecodedIdentityNumber } => {
  const decoded = decodeIdentityNumber(value)
  if (decoded === undefined) return { issues: [rules.issues.FORMAT] }
  const issues: IdentityIssue<Code>[] = []
  const province = provinceOf(decoded.kecamatanCode) ?? ''
  if (!isProvince(province)) issues.push(rules.issues.REGION)
  const dateOk = isRealDate(decoded) && (rules.allowsDayPlus40 || !decoded.dayPlus40)
  if (!dateOk) issues.push(rules.issues.DATE)
  if (decoded.serial === '0000') issues.push(rules.issues.SERIAL)
  return dateOk ? { issues, decoded } : { issues }
}

const matchesBirthDate = (decoded: DecodedIdentityNumber, birthDate: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate)
  if (!match) return false
  const [, year, month, day] = match.map(Number)
  return (
    day === decoded.day &&
    month === decoded.month &&
    year !== undefined &&
    year % 100 === decoded.yearOfCentury
  )
}

/** Every problem with a NIK (empty when valid). A malformed NIK reports only `NIK_FORMAT`. */
export const validateNik = (nik: string, options: NikCheckOptions): IdentityIssue<NikIssueCode>[] => {
  const { issues, decoded } = checkStructure(nik, NIK_RULES, options)
  if (decoded && options.birthDate !== undefined && !matchesBirthDate(decoded, options.birthDate)) {
    issues.push(BIRTHDATE_MISMATCH)
  }
  return issues
}

/** Every problem with a No. KK (empty when valid). A malformed number reports only `KK_FORMAT`. */
export const validateKk = (kk: string, options: IdentityCheckOptions): IdentityIssue<KkIssueCode>[] =>
  checkStructure(kk, KK_RULES, options).issues

/**
 * Whether a NIK was registered in another kecamatan than the village of the address.
 * Allowed, but flagged for the TKSK (DESIGN §1). An old code is read as today's
 * (`91.01.01` is `93.01.01`), so a region split alone does not flag it. False when
 * either input is malformed: validation reports those.
 */
export const nikRegisteredElsewhere = (nik: string, villageCode: string): boolean => {
  const registered = decodeIdentityNumber(nik)?.kecamatanCode
  const living = kecamatanOf(villageCode)
  return registered !== undefined && living !== undefined && currentKecamatanCode(registered) !== living
}

/** A NIK or KK whose kecamatan is not in today's list: accepted, shown to the TKSK. */
export interface RegionFlag {
  field: 'nik' | 'kk'
  /** The kecamatan the number names, e.g. `91.01.01`. */
  kecamatan: string
  /** Today's code of that kecamatan when a known split moved it, e.g. `93.01.01`. */
  current?: string
}

export const REGION_FLAG_MESSAGE = 'Kode wilayah NIK lama atau tidak dikenal'

/** The flags of a person's NIK and KK (empty when both name a current kecamatan, or are malformed). */
export const regionFlags = (
  numbers: { nik?: string | undefined; kk?: string | undefined },
  { isKecamatan }: { isKecamatan: (code: string) => boolean },
): RegionFlag[] =>
  (['nik', 'kk'] as const).flatMap((field): RegionFlag[] => {
    const number = numbers[field]
    const kecamatan = number === undefined ? undefined : decodeIdentityNumber(number)?.kecamatanCode
    if (kecamatan === undefined || isKecamatan(kecamatan)) return []
    const current = currentKecamatanCode(kecamatan)
    return [{ field, kecamatan, ...(current !== kecamatan && isKecamatan(current) ? { current } : {}) }]
  })

/** The words of a flag for staff pages (Bahasa Indonesia). */
export const regionFlagText = (flag: RegionFlag): string =>
  `${flag.field === 'nik' ? REGION_FLAG_MESSAGE : 'Kode wilayah No. KK lama atau tidak dikenal'}: ${flag.kecamatan}${
    flag.current ? ` (kini ${flag.current})` : ''
  }`
