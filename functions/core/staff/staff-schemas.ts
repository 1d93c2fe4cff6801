/**
 * One zod schema per staff input (DESIGN §2), shared by `/api/admin/staff`, the admin
 * forms and the import's rows, so a field is refused with the same path and message
 * wherever it comes from.
 */
import * as z from 'zod'
import { isLocalDate } from '../calendar/local-date'
import { choice } from '../validation/choice'
import { STAFF_ROLES } from './staff-member'

// A province (`32`) too: `dinsos_provinsi` serves one (ADR 0039). Which level fits which
// role, and whose scope it is in, is `areaProblems` and `can`'s business.
const AREA_PATTERN = /^(\*|\d{2}(\.\d{2}){0,2})$/

const localDate = z.string().refine(isLocalDate, 'Tanggal harus berformat TTTT-BB-HH.')

export const staffTermSchema = z
  .strictObject({
    skNumber: z.string().trim().min(1, 'Nomor SK penugasan wajib diisi.').max(100),
    start: localDate,
    end: localDate,
  })
  .refine((term) => term.end >= term.start, {
    path: ['end'],
    message: 'Akhir masa tugas tidak boleh sebelum awal.',
  })

export const staffUsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'Nama pengguna 3–64 karakter: huruf kecil, angka, titik, - atau _.')

const fields = {
  name: z.string().trim().min(2, 'Nama minimal 2 karakter.').max(100),
  email: z.string().trim().toLowerCase().pipe(z.email('Alamat email tidak valid.').max(254)),
  role: choice(STAFF_ROLES, 'peran', 'Peran tidak dikenal.'),
  area: z
    .string()
    .trim()
    .regex(
      AREA_PATTERN,
      'Kode wilayah harus kode provinsi, kabupaten/kota atau kecamatan (mis. 32, 32.01 atau 32.01.14).',
    ),
}

export const staffCreateSchema = z.strictObject({
  username: staffUsernameSchema,
  ...fields,
  term: staffTermSchema.optional(),
})
export type StaffCreateInput = z.output<typeof staffCreateSchema>

export const staffPatchSchema = z
  .strictObject({
    name: fields.name.optional(),
    email: fields.email.optional(),
    role: fields.role.optional(),
    area: fields.area.optional(),
    active: z.boolean().optional(),
    /** `null` removes the term (a TKSK moved to another role). */
    term: staffTermSchema.nullable().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'Tidak ada perubahan yang dikirim.')
export type StaffPatchInput = z.output<typeof staffPatchSchema>

export const staffIdSchema = z.string().trim().min(1).max(128)

export const staffListQuerySchema = z.strictObject({
  area: fields.area.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(1024).optional(),
})
