/**
 * The one schema of an intake request (DESIGN §4), used by `POST /api/cases`, the HTML
 * request form and the OpenAPI document. The structure is static; the checks that need
 * the Kemendagri area list (NIK/KK region, village exists) are added by
 * `createIntakeSchema(areas, now)` because rules in core read no files nor the clock.
 */
import * as z from 'zod'
import type { AreaIndex } from '../areas/area-index'
import { CATEGORY_CODES } from '../catalog/categories'
import { SERVICE_CODES } from '../catalog/services'
import { BIRTH_DATE_MESSAGES, birthDateProblem } from '../identity/birth-date'
import { validateKk, validateNik } from '../identity/validate-identity'

export const PHONE_PATTERN = /^(\+62|62|0)8[1-9][0-9]{6,11}$/

const isRealIsoDate = (value: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.toISOString().slice(0, 10) === value
}

export const isoDateSchema = z
  .string({ error: 'Tanggal wajib diisi (format TTTT-BB-HH).' })
  .refine(isRealIsoDate, { message: 'Tanggal harus tanggal yang valid berformat TTTT-BB-HH.' })

const sixteenDigits = (label: string) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .regex(/^\d{16}$/, `${label} harus terdiri dari 16 digit angka.`)

// HTML forms send empty strings for fields left blank: those mean "not given".
const optionalText = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional())

export const applicantSchema = z.strictObject({
  nik: sixteenDigits('NIK'),
  kk: sixteenDigits('Nomor KK'),
  name: z
    .string({ error: 'Nama wajib diisi.' })
    .trim()
    .min(2, 'Nama minimal 2 karakter.')
    .max(100, 'Nama maksimal 100 karakter.'),
  birthDate: isoDateSchema,
  phone: optionalText(
    z.string().regex(PHONE_PATTERN, 'Nomor HP harus seperti 081234567890 atau +6281234567890.'),
  ),
  email: optionalText(z.email('Alamat email tidak valid.').max(254, 'Alamat email terlalu panjang.')),
  address: z
    .string({ error: 'Alamat wajib diisi.' })
    .trim()
    .min(1, 'Alamat wajib diisi.')
    .max(200, 'Alamat maksimal 200 karakter.'),
  villageCode: z
    .string({ error: 'Desa/kelurahan wajib dipilih.' })
    .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'Kode desa harus seperti 32.01.14.2001.'),
})

export const intakeBodySchema = z.strictObject({
  applicant: applicantSchema,
  category: z.enum(CATEGORY_CODES, { error: 'Kategori PPKS tidak dikenal.' }),
  service: z.enum(SERVICE_CODES, { error: 'Jenis layanan tidak dikenal.' }),
  description: optionalText(z.string().max(2000, 'Uraian maksimal 2.000 karakter.')),
  consent: z.literal(true, { error: 'Persetujuan pemrosesan data wajib diberikan.' }),
})

export type IntakeRequest = z.output<typeof intakeBodySchema>
export type Applicant = IntakeRequest['applicant']

/**
 * The intake schema with the checks that need the area list and the date of the
 * request (`now`: a birth date may not lie in the future or more than 120 years back).
 */
export const createIntakeSchema = (areas: Pick<AreaIndex, 'isProvince' | 'isVillage'>, now: Date) =>
  intakeBodySchema.superRefine((value, context) => {
    const { nik, kk, birthDate, villageCode } = value.applicant
    // Only reached with a well-formed structure; the guards keep a future zod change from crashing here.
    if (typeof nik !== 'string' || typeof kk !== 'string' || typeof villageCode !== 'string') return
    const regions = { isProvince: (code: string) => areas.isProvince(code) }
    const dateProblem = birthDateProblem(birthDate, now)
    if (dateProblem) {
      context.addIssue({
        code: 'custom',
        path: ['applicant', 'birthDate'],
        message: BIRTH_DATE_MESSAGES[dateProblem],
      })
    }
    for (const issue of validateNik(nik, { ...regions, birthDate })) {
      context.addIssue({ code: 'custom', path: ['applicant', 'nik'], message: issue.message })
    }
    for (const issue of validateKk(kk, regions)) {
      context.addIssue({ code: 'custom', path: ['applicant', 'kk'], message: issue.message })
    }
    if (!areas.isVillage(villageCode)) {
      context.addIssue({
        code: 'custom',
        path: ['applicant', 'villageCode'],
        message: 'Desa/kelurahan tidak terdaftar dalam data wilayah Kemendagri.',
      })
    }
  })
