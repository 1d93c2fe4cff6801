/**
 * The input of `POST /api/ppks` and `PATCH /api/ppks/{ppksId}` (issue 16 item 1). A NIK,
 * when given, is checked as an applicant's (DESIGN §1: structure, province, date, and the
 * birth date when that is given too) by `createPpksSchema`, which takes the area index and
 * `now` as arguments because rules in core read no files nor the clock.
 */
import * as z from 'zod'
import type { AreaIndex } from '../areas/area-index'
import { CATEGORY_CODES } from '../catalog/categories'
import { BIRTH_DATE_MESSAGES, birthDateProblem } from '../identity/birth-date'
import { maskDigitsIn } from '../identity/mask'
import { validateNik } from '../identity/validate-identity'
import { isoDateSchema } from '../case/intake-schema'
import { choice } from '../validation/choice'
import { PPKS_SUBJECTS } from './ppks-record'

export const PPKS_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/

// HTML forms send empty strings for fields left blank: those mean "not given".
const blankAsAbsent = (value: unknown) => (value === '' ? undefined : value)
const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankAsAbsent, schema.optional())

const fields = {
  subject: z.enum(PPKS_SUBJECTS, { error: 'Pilih perorangan atau keluarga.' }),
  category: choice(CATEGORY_CODES, 'kategori PPKS', 'Kategori PPKS tidak dikenal.'),
  name: z
    .string({ error: 'Nama wajib diisi.' })
    .trim()
    .min(2, 'Nama minimal 2 karakter.')
    .max(100, 'Nama maksimal 100 karakter.'),
  nik: z.string().regex(/^\d{16}$/, 'NIK harus terdiri dari 16 digit angka.'),
  birthDate: isoDateSchema,
  address: z.string().trim().min(1, 'Alamat kosong.').max(200, 'Alamat maksimal 200 karakter.'),
  members: z.coerce
    .number({ error: 'Jumlah anggota keluarga harus angka.' })
    .int('Isi bilangan bulat.')
    .min(1, 'Minimal 1 orang.')
    .max(50, 'Maksimal 50 orang.'),
  // A NIK or KK typed into the notes is masked before it is stored (as case free text is).
  notes: z.string().trim().max(1000, 'Catatan maksimal 1.000 karakter.').transform(maskDigitsIn),
}

// A string, not a shared params object: zod 4 takes `message` out of the object a refine is given.
const MEMBERS_FOR_HOUSEHOLD = 'Jumlah anggota hanya untuk keluarga/rumah tangga.'
const membersOnlyForHousehold = (value: { subject?: string; members?: number }) =>
  value.members === undefined || value.subject === 'HOUSEHOLD'

export const ppksInputSchema = z
  .strictObject({
    subject: fields.subject,
    category: fields.category,
    name: fields.name,
    desa: z
      .string({ error: 'Desa/kelurahan wajib dipilih.' })
      .trim()
      .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'Isi kode desa/kelurahan, mis. 32.01.14.2001.'),
    nik: optional(fields.nik),
    birthDate: optional(fields.birthDate),
    address: optional(fields.address),
    members: optional(fields.members),
    notes: optional(fields.notes),
  })
  .refine(membersOnlyForHousehold, { message: MEMBERS_FOR_HOUSEHOLD, path: ['members'] })
export type PpksInput = z.output<typeof ppksInputSchema>

/** A PATCH names only what changes; `null` removes an optional field. The desa is fixed. */
export const ppksPatchSchema = z
  .strictObject({
    subject: fields.subject.optional(),
    category: fields.category.optional(),
    name: fields.name.optional(),
    nik: fields.nik.nullable().optional(),
    birthDate: fields.birthDate.nullable().optional(),
    address: fields.address.nullable().optional(),
    members: fields.members.nullable().optional(),
    notes: fields.notes.nullable().optional(),
    active: z.boolean({ error: 'Isi true atau false.' }).optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'Tidak ada yang diubah.')
export type PpksPatch = z.output<typeof ppksPatchSchema>

/** The identity of an entry as it will be stored, whether from a create or a merged PATCH. */
export interface PpksIdentity {
  subject: string
  nik?: string | undefined
  birthDate?: string | undefined
  members?: number | undefined
}

/**
 * The checks of a (merged) entry that need the area list and the date: the NIK as an
 * applicant's (DESIGN §1), a birth date neither in the future nor over 120 years back,
 * members only for a household. Field paths as the body names them.
 */
export const ppksIdentityIssues = (
  entry: PpksIdentity,
  areas: Pick<AreaIndex, 'isProvince'>,
  now: Date,
): { path: string; message: string }[] => {
  const dateProblem = entry.birthDate === undefined ? undefined : birthDateProblem(entry.birthDate, now)
  return [
    ...(dateProblem ? [{ path: 'birthDate', message: BIRTH_DATE_MESSAGES[dateProblem] }] : []),
    ...(entry.nik === undefined
      ? []
      : validateNik(entry.nik, {
          isProvince: (code) => areas.isProvince(code),
          birthDate: entry.birthDate,
        }).map((issue) => ({ path: 'nik', message: issue.message }))),
    ...(membersOnlyForHousehold(entry) ? [] : [{ path: 'members', message: MEMBERS_FOR_HOUSEHOLD }]),
  ]
}

/** The list's filters (`GET /api/ppks`). */
export const ppksListQuerySchema = z.strictObject({
  area: z
    .string()
    .regex(/^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/, 'Wilayah harus kode kabupaten/kota, kecamatan atau desa.')
    .optional(),
  category: fields.category.optional(),
})

export const ppksIdSchema = z.string().regex(PPKS_ID, 'ID PPKS tidak valid.')
