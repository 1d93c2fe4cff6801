/**
 * The one rule for showing a person's identity without a reveal (DESIGN §1, §5): the NIK
 * and KK masked to `320114******0001`, and the birth date reduced to its year. Digits
 * 7–12 of a NIK are the birth date (day + 40 for women), so a masked NIK beside the full
 * birth date is the full NIK; every output that shows a NIK or KK fragment goes through
 * here. The full values leave only through the audited reveal and the provider's page.
 */
import { birthYearOf } from './birth-date'
import { maskBirthDateIn } from './birth-date-text'
import { datesEncodedIn, mapStrings, maskDigitsIn, maskNik } from './mask'

/** A person without documents has no NIK, KK or known birth date (issue 15, ADR 0027). */
export interface IdentityFields {
  nik?: string | undefined
  kk?: string | undefined
  birthDate?: string | undefined
}

export type MaskedIdentity<T extends IdentityFields> = Omit<T, 'nik' | 'kk' | 'birthDate'> & {
  /** `null` when the person has no number on record. */
  nik: string | null
  kk: string | null
  /** The year of birth only; `null` when the record keeps no date (anonymised). */
  birthYear: number | null
}

export const maskIdentity = <T extends IdentityFields>(person: T): MaskedIdentity<T> => {
  const { nik, kk, birthDate, ...rest } = person
  return {
    ...rest,
    nik: nik === undefined ? null : maskNik(nik),
    kk: kk === undefined ? null : maskNik(kk),
    birthYear: birthDate === undefined ? null : birthYearOf(birthDate),
  }
}

/** Whose text it is: the person's NIK and birth date, either of which may be unknown. */
export type PersonalDates = Pick<IdentityFields, 'nik' | 'birthDate'>

/**
 * The dates whose day and month a text about `person` must not show: the birth date on
 * record, and the one the NIK encodes, which is shown masked beside the text even when
 * no birth date is recorded (a PPKS entry, an applicant whose date is `UNKNOWN`).
 */
const datesOf = (person: PersonalDates): string[] => [
  ...new Set([
    ...(person.birthDate === undefined ? [] : [person.birthDate]),
    ...(person.nik === undefined ? [] : datesEncodedIn(person.nik)),
  ]),
]

/**
 * Free text about a person (description, findings, notes, reasons) as it may be stored
 * and shown: NIK/KK-like numbers masked however they were typed, and the person's own
 * birth date reduced to its year, since beside a masked NIK it would rebuild it.
 */
export const maskPersonalText = (text: string, person: PersonalDates): string =>
  datesOf(person).reduce((out, date) => maskBirthDateIn(out, date), maskDigitsIn(text))

/** `maskPersonalText` over every string of a JSON-like value (a decision, a whole answer). */
export const maskPersonalDeep = <T>(value: T, person: PersonalDates): T =>
  mapStrings(value, (text) => maskPersonalText(text, person))
