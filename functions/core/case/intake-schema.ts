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
import { choice } from '../validation/choice'
import { BIRTH_DATE_MESSAGES, birthDateProblem, latestToday } from '../identity/birth-date'
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

/**
 * Whether a document number or date was given (issue 15, ADR 0027): `UNKNOWN` when the
 * filer does not know it (a neighbour reporting), `NONE` when the person has none
 * (gelandangan, anak jalanan, komunitas adat terpencil). Absent means `PROVIDED`.
 */
export const DOCUMENT_STATUSES = ['PROVIDED', 'UNKNOWN', 'NONE'] as const
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number]
export const BIRTH_DATE_STATUSES = ['PROVIDED', 'UNKNOWN'] as const

// Blank is "given" (the select's first option), so only an API client's unknown code reaches
// the message, which lists the codes it takes (choice.ts).
const documentStatus = <const T extends readonly [string, ...string[]]>(values: T, label: string) =>
  optionalText(choice(values, `keterangan ${label}`))

export const applicantSchema = z.strictObject({
  nik: optionalText(sixteenDigits('NIK')),
  nikStatus: documentStatus(DOCUMENT_STATUSES, 'NIK'),
  kk: optionalText(sixteenDigits('Nomor KK')),
  kkStatus: documentStatus(DOCUMENT_STATUSES, 'Nomor KK'),
  name: z
    .string({ error: 'Nama wajib diisi.' })
    .trim()
    .min(2, 'Nama minimal 2 karakter.')
    .max(100, 'Nama maksimal 100 karakter.'),
  birthDate: optionalText(isoDateSchema),
  birthDateStatus: documentStatus(BIRTH_DATE_STATUSES, 'tanggal lahir'),
  /** Years, as the filer guesses them when the birth date is unknown (the duplicate warning reads it). */
  estimatedAge: optionalText(
    z.coerce
      .number({ error: 'Perkiraan umur harus angka.' })
      .int('Perkiraan umur harus bilangan bulat.')
      .min(0, 'Perkiraan umur tidak boleh negatif.')
      .max(120, 'Perkiraan umur maksimal 120 tahun.'),
  ),
  phone: optionalText(
    z.string().regex(PHONE_PATTERN, 'Nomor HP harus seperti 081234567890 atau +6281234567890.'),
  ),
  email: optionalText(z.email('Alamat email tidak valid.').max(254, 'Alamat email terlalu panjang.')),
  /** For a person reported by others: where to find them. */
  address: z
    .string({ error: 'Alamat wajib diisi.' })
    .trim()
    .min(1, 'Alamat wajib diisi.')
    .max(200, 'Alamat maksimal 200 karakter.'),
  villageCode: z
    .string({ error: 'Desa/kelurahan wajib dipilih.' })
    .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'Kode desa harus seperti 32.01.14.2001.'),
})

/** Who the reporter is to the person in need (issue 15: "Saya melaporkan orang lain"). */
export const REPORTER_RELATIONS = [
  'KELUARGA',
  'TETANGGA',
  'RT_RW',
  'KADER_PSM',
  'PERANGKAT_DESA',
  'LAINNYA',
] as const
export type ReporterRelation = (typeof REPORTER_RELATIONS)[number]

export const REPORTER_RELATION_LABELS: Readonly<Record<ReporterRelation, string>> = {
  KELUARGA: 'Keluarga',
  TETANGGA: 'Tetangga',
  RT_RW: 'Pengurus RT/RW',
  KADER_PSM: 'Kader PSM',
  PERANGKAT_DESA: 'Perangkat desa/kelurahan',
  LAINNYA: 'Lainnya',
}

export const reporterSchema = z.strictObject({
  name: z
    .string({ error: 'Nama pelapor wajib diisi.' })
    .trim()
    .min(2, 'Nama pelapor minimal 2 karakter.')
    .max(100, 'Nama pelapor maksimal 100 karakter.'),
  relation: choice(
    REPORTER_RELATIONS,
    'hubungan dengan orang yang dilaporkan',
    'Hubungan pelapor dengan orang yang dilaporkan tidak dikenal.',
  ),
  phone: z
    .string({ error: 'Nomor HP pelapor wajib diisi.' })
    .regex(PHONE_PATTERN, 'Nomor HP harus seperti 081234567890 atau +6281234567890.'),
})
export type Reporter = z.output<typeof reporterSchema>

/** The fields a mark may stand in for, with the words of the two mistakes. */
const MARKED_FIELDS = [
  { field: 'nik', mark: 'nikStatus', label: 'NIK' },
  { field: 'kk', mark: 'kkStatus', label: 'Nomor KK' },
  { field: 'birthDate', mark: 'birthDateStatus', label: 'Tanggal lahir' },
] as const

/**
 * A number or date is either given, or marked unknown/absent, never both nor neither;
 * an unknown birth date asks for an estimated age (the duplicate warning needs a year).
 */
const checkMarks = (applicant: z.output<typeof applicantSchema>, context: z.RefinementCtx): void => {
  for (const { field, mark, label } of MARKED_FIELDS) {
    const marked = (applicant[mark] ?? 'PROVIDED') !== 'PROVIDED'
    const given = applicant[field] !== undefined
    if (marked && given)
      context.addIssue({
        code: 'custom',
        path: ['applicant', field],
        message: `${label} ditandai tidak diketahui/tidak ada, tetapi diisi. Kosongkan atau ubah tandanya.`,
      })
    if (!marked && !given)
      context.addIssue({
        code: 'custom',
        path: ['applicant', field],
        message: `${label} wajib diisi, atau tandai tidak diketahui/tidak ada.`,
      })
  }
  if (applicant.birthDateStatus === 'UNKNOWN' && applicant.estimatedAge === undefined)
    context.addIssue({
      code: 'custom',
      path: ['applicant', 'estimatedAge'],
      message: 'Isi perkiraan umur bila tanggal lahir tidak diketahui.',
    })
}

export const intakeBodySchema = z
  .strictObject({
    applicant: applicantSchema,
    /** Present when someone else reports the person in need. */
    reporter: reporterSchema.optional(),
    category: choice(CATEGORY_CODES, 'kategori PPKS'),
    service: choice(SERVICE_CODES, 'layanan'),
    description: optionalText(z.string().max(2000, 'Uraian maksimal 2.000 karakter.')),
    consent: z.literal(true, { error: 'Persetujuan pemrosesan data wajib diberikan.' }),
  })
  .superRefine((value, context) => checkMarks(value.applicant, context))

export type IntakeRequest = z.output<typeof intakeBodySchema>
export type Applicant = IntakeRequest['applicant']

type IntakeAreas = Pick<AreaIndex, 'isProvince' | 'isVillage'>

const buildIntakeSchema = (areas: IntakeAreas, now: Date) =>
  intakeBodySchema.superRefine((value, context) => {
    const { nik, kk, birthDate, villageCode } = value.applicant
    // Only reached with a well-formed structure; the guard keeps a future zod change from crashing here.
    if (typeof villageCode !== 'string') return
    const regions = { isProvince: (code: string) => areas.isProvince(code) }
    const dateProblem = birthDate === undefined ? undefined : birthDateProblem(birthDate, now)
    if (dateProblem) {
      context.addIssue({
        code: 'custom',
        path: ['applicant', 'birthDate'],
        message: BIRTH_DATE_MESSAGES[dateProblem],
      })
    }
    for (const issue of nik === undefined ? [] : validateNik(nik, { ...regions, birthDate })) {
      context.addIssue({ code: 'custom', path: ['applicant', 'nik'], message: issue.message })
    }
    for (const issue of kk === undefined ? [] : validateKk(kk, regions)) {
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

/** The last schema built: the same for every request of one day and one area list. */
let lastBuilt: { areas: IntakeAreas; day: string; schema: ReturnType<typeof buildIntakeSchema> } | undefined

/**
 * The intake schema with the checks that need the area list and the date of the
 * request (`now`: a birth date may not lie in the future or more than 120 years back).
 * Of `now` the checks read only its date (`latestToday`), so the schema is kept until that
 * date or the area list changes: zod compiles a schema on its first parse, which cost
 * every intake ~0.5 ms when the schema was built per request (ADR 0042, fifth addendum).
 */
export const createIntakeSchema = (areas: IntakeAreas, now: Date) => {
  const day = latestToday(now)
  if (lastBuilt?.areas !== areas || lastBuilt.day !== day)
    lastBuilt = { areas, day, schema: buildIntakeSchema(areas, now) }
  return lastBuilt.schema
}
