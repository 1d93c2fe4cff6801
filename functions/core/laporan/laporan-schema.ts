/** The inputs of the laporan's actions (issue 16 item 5): one zod schema each, shared by the API and the page forms. */
import * as z from 'zod'
import { maskDigitsIn } from '../identity/mask'
import { reportMonthSchema } from '../reports/report-month'

// Free text about people of the kecamatan: a NIK/KK typed in is masked before it is stored.
const narrativeText = (label: string) =>
  z
    .string({ error: `Isi ${label}.` })
    .trim()
    .max(4000, `${label} maksimal 4000 karakter.`)
    .transform(maskDigitsIn)

export const laporanNarrativeSchema = z.strictObject({
  masalah: narrativeText('Masalah'),
  tindakLanjut: narrativeText('Tindak lanjut'),
})

export const laporanReturnSchema = z.strictObject({
  note: z
    .string({ error: 'Isi catatan pengembalian.' })
    .trim()
    .min(5, 'Catatan pengembalian minimal 5 karakter.')
    .max(2000, 'Catatan pengembalian maksimal 2000 karakter.')
    .transform(maskDigitsIn),
})

/** No body fields: an unknown key is refused with its path like every other input. */
export const laporanEmptySchema = z.strictObject({})

export const laporanPathSchema = z.strictObject({
  kecamatan: z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/, 'Isi kode kecamatan, mis. 32.01.14.'),
  month: reportMonthSchema,
})

export const laporanListQuerySchema = z.strictObject({
  area: z.string().trim().max(20).optional(),
  month: reportMonthSchema.optional(),
})
