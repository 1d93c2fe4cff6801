/**
 * "Apakah keluarga saya KPM?" (issue 15.5, ADR 0030): a resident proves knowledge of a
 * family by its KK number and a birth date, and learns only which programs of this
 * registry list the family. Pure rules: the input schema (with the date of the request
 * for "not in the future") and how a birth date is checked against a registry record.
 *
 * The registry keeps, per KPM, the pengurus's NIK masked (`320114******0001`) and its
 * `nikRef`. Digits 7–12 of a NIK are the birth date (DDMMYY, day + 40 for women), exactly
 * the part the mask hides: the masked NIK and a birth date give at most two candidate
 * NIKs, and a candidate whose nikRef is the record's proves the date, without the
 * registry ever storing a birth date or a full NIK.
 */
import * as z from 'zod'
import { isoDateSchema } from '../case/intake-schema'
import { VERVAL_PROGRAMS, type VervalProgram } from '../catalog/verval-programs'
import { BIRTH_DATE_MESSAGES, birthDateProblem } from '../identity/birth-date'

export const kpmCheckBodySchema = z.strictObject({
  kk: z
    .string({ error: 'Nomor KK wajib diisi.' })
    .regex(/^\d{16}$/, 'Nomor KK harus terdiri dari 16 digit angka.')
    .describe('The family card number (No. KK), 16 digits'),
  birthDate: isoDateSchema.describe(
    'The birth date (YYYY-MM-DD) of the family member registered as pengurus',
  ),
})

export type KpmCheckQuery = z.output<typeof kpmCheckBodySchema>

/** The schema with the date of the request: a birth date in the future or over 120 years back is refused. */
export const createKpmCheckSchema = (now: Date) =>
  kpmCheckBodySchema.superRefine((value, context) => {
    if (typeof value.birthDate !== 'string') return
    const problem = birthDateProblem(value.birthDate, now)
    if (problem)
      context.addIssue({ code: 'custom', path: ['birthDate'], message: BIRTH_DATE_MESSAGES[problem] })
  })

const MASKED_NIK = /^(\d{6})\*{6}(\d{4})$/
/** Women's NIKs carry the day of birth plus 40 (DESIGN §1). */
const WOMAN_DAY_OFFSET = 40

/**
 * The full NIKs a masked NIK can be for a person born on `birthDate` (`YYYY-MM-DD`):
 * the man's and the woman's form; none when the mask is not the registry's.
 */
export const nikCandidates = (maskedNik: string, birthDate: string): string[] => {
  const mask = MASKED_NIK.exec(maskedNik)
  const date = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(birthDate)
  if (!mask || !date) return []
  const [, prefix, serial] = mask
  const [, yy, mm, dd] = date
  const day = Number(dd)
  return [day, day + WOMAN_DAY_OFFSET].map(
    (encoded) => `${prefix}${String(encoded).padStart(2, '0')}${mm}${yy}${serial}`,
  )
}

export type KpmCheckStatus = 'ACTIVE' | 'NOT_LISTED'

/** What the resident sees: each program and whether the family is an active KPM of it. Nothing else. */
export interface KpmCheckView {
  programs: { program: VervalProgram; status: KpmCheckStatus }[]
}

export const kpmCheckView = (activePrograms: ReadonlySet<string>): KpmCheckView => ({
  programs: VERVAL_PROGRAMS.map((program) => ({
    program,
    status: activePrograms.has(program) ? 'ACTIVE' : 'NOT_LISTED',
  })),
})
