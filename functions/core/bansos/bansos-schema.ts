/**
 * The three submissions of the public page "Pengaduan & Usulan Bansos" (issue 15 item 4,
 * ADR 0036), one body per `kind`, shared by `POST /api/bansos`, the page's forms and the
 * OpenAPI document. `createBansosSchema(areas, now)` adds what needs the area list and
 * the date: the desa exists, and a complaint names an open distribution period.
 */
import * as z from 'zod'
import type { AreaIndex } from '../areas/area-index'
import { timeZoneOfArea } from '../areas/time-zones'
import { VERVAL_PROGRAMS } from '../catalog/verval-programs'
import { PHONE_PATTERN } from '../case/intake-schema'
import { choice } from '../validation/choice'
import { ALASAN_HAPUS } from '../verval/columns'
import { periodProblem } from '../verval/period'

// HTML forms send empty strings for fields left blank: those mean "not given".
const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional())

const name = (label: string) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .trim()
    .min(2, `${label} minimal 2 karakter.`)
    .max(100, `${label} maksimal 100 karakter.`)
const villageCode = z
  .string({ error: 'Desa/kelurahan wajib dipilih.' })
  .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'Desa/kelurahan wajib dipilih (kode seperti 32.01.14.2001).')
const address = z
  .string({ error: 'Alamat wajib diisi.' })
  .trim()
  .min(1, 'Alamat wajib diisi.')
  .max(200, 'Alamat maksimal 200 karakter.')
const text = (label: string, min: number) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .trim()
    .min(min, `${label} minimal ${min} karakter.`)
    .max(2000, `${label} maksimal 2.000 karakter.`)
const phone = optional(
  z.string().regex(PHONE_PATTERN, 'Nomor HP harus seperti 081234567890 atau +6281234567890.'),
)
const email = optional(z.email('Alamat email tidak valid.').max(254, 'Alamat email terlalu panjang.'))
const program = choice(
  VERVAL_PROGRAMS,
  'program bantuan',
  'Program bansos tidak dikenal (BPNT, PKH atau PBI).',
)
const consent = z.literal(true, { error: 'Persetujuan pemrosesan data wajib diberikan.' })

export const COMPLAINT_TYPES = [
  'TIDAK_MENERIMA',
  'JUMLAH_KURANG',
  'KARTU_BERMASALAH',
  'DATA_SALAH',
  'LAINNYA',
] as const
export type ComplaintType = (typeof COMPLAINT_TYPES)[number]

export const COMPLAINT_TYPE_LABELS: Readonly<Record<ComplaintType, string>> = {
  TIDAK_MENERIMA: 'Tidak menerima bantuan',
  JUMLAH_KURANG: 'Jumlah bantuan kurang',
  KARTU_BERMASALAH: 'Kartu/KKS bermasalah',
  DATA_SALAH: 'Data salah',
  LAINNYA: 'Lainnya',
}

export const OBJECTION_REASON_LABELS: Readonly<Record<(typeof ALASAN_HAPUS)[number], string>> = {
  MENINGGAL: 'Sudah meninggal',
  PINDAH: 'Sudah pindah',
  MAMPU: 'Sudah mampu',
  TIDAK_MEMENUHI_SYARAT: 'Tidak memenuhi syarat',
  DUPLIKAT: 'Terdaftar ganda',
}

/** A KPM complains about the program's distribution of one period (YYYY-MM). */
export const complaintBodySchema = z.strictObject({
  kind: z.literal('PENGADUAN'),
  program,
  complaintType: choice(COMPLAINT_TYPES, 'jenis pengaduan', 'Jenis pengaduan tidak dikenal.'),
  period: z.string({ error: 'Periode penyaluran wajib diisi (TTTT-BB).' }),
  description: text('Uraian pengaduan', 10),
  complainant: z.strictObject({ name: name('Nama'), address, villageCode, phone, email }),
  consent,
})

/** Anyone proposes a family for a program; the family's desa is required. */
export const proposalBodySchema = z.strictObject({
  kind: z.literal('USUL'),
  program,
  family: z.strictObject({ name: name('Nama kepala keluarga'), address, villageCode }),
  reason: text('Alasan usulan', 10),
  proposer: z.strictObject({ name: name('Nama pengusul'), phone, email }),
  consent,
})

/** Anyone objects to a listed KPM as not eligible: the person's name and desa, and why. */
export const objectionBodySchema = z.strictObject({
  kind: z.literal('SANGGAH'),
  program,
  subject: z.strictObject({ name: name('Nama KPM yang disanggah'), villageCode }),
  reason: choice(ALASAN_HAPUS, 'alasan sanggahan', 'Alasan sanggahan tidak dikenal.'),
  description: text('Uraian sanggahan', 10),
  objector: z.strictObject({ name: optional(name('Nama penyanggah')), phone, email }),
  consent,
})

export const bansosBodySchema = z.discriminatedUnion(
  'kind',
  [complaintBodySchema, proposalBodySchema, objectionBodySchema],
  { error: 'Jenis pengajuan harus PENGADUAN, USUL atau SANGGAH.' },
)

export type ComplaintBody = z.output<typeof complaintBodySchema>
export type ProposalBody = z.output<typeof proposalBodySchema>
export type ObjectionBody = z.output<typeof objectionBodySchema>
export type BansosBody = z.output<typeof bansosBodySchema>

/** The desa the submission is about: the complainant's, the proposed family's, the objected KPM's. */
export const villageOf = (body: BansosBody): { path: string[]; code: string } => {
  switch (body.kind) {
    case 'PENGADUAN':
      return { path: ['complainant', 'villageCode'], code: body.complainant.villageCode }
    case 'USUL':
      return { path: ['family', 'villageCode'], code: body.family.villageCode }
    case 'SANGGAH':
      return { path: ['subject', 'villageCode'], code: body.subject.villageCode }
  }
}

const PERIOD_PROBLEMS = {
  FORMAT: 'Periode penyaluran harus berformat TTTT-BB, misalnya 2026-11.',
  FUTURE: 'Periode penyaluran belum berjalan.',
  TOO_OLD:
    'Periode penyaluran ini sudah ditutup: pengaduan hanya untuk bulan berjalan atau bulan sebelumnya. Hubungi TKSK kecamatan untuk periode yang lebih lama.',
} as const

/** The schema with the checks that need the area list and the date of the request. */
export const createBansosSchema = (areas: Pick<AreaIndex, 'isVillage'>, now: Date) =>
  bansosBodySchema.superRefine((value, context) => {
    const village = villageOf(value)
    if (!areas.isVillage(village.code)) {
      context.addIssue({
        code: 'custom',
        path: village.path,
        message: 'Desa/kelurahan tidak terdaftar dalam data wilayah Kemendagri.',
      })
      return
    }
    if (value.kind !== 'PENGADUAN') return
    const problem = periodProblem(value.period, now, timeZoneOfArea(village.code) ?? 'Asia/Jakarta')
    if (problem) context.addIssue({ code: 'custom', path: ['period'], message: PERIOD_PROBLEMS[problem] })
  })
