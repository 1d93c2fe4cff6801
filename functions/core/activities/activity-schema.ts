/**
 * The input of `POST /api/kegiatan`: what the phone form sends. The desa must be one of
 * the TKSK's kecamatan (checked against the area index by the use case); a date may not
 * be after today (`now` is the use case's).
 */
import * as z from 'zod'
import { maskDigitsIn } from '../identity/mask'
import { choice } from '../validation/choice'
import { ACTIVITY_KINDS, COORDINATION_PARTNERS } from './activity-kinds'

export const ACTIVITY_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/

export const activityInputSchema = z
  .strictObject({
    activityId: z.string().regex(ACTIVITY_ID, 'ID kegiatan harus ULID.').optional(),
    kind: choice(ACTIVITY_KINDS, 'jenis kegiatan', 'Jenis kegiatan tidak dikenal.'),
    partners: z
      .array(z.enum(COORDINATION_PARTNERS, { error: 'Mitra koordinasi tidak dikenal.' }))
      .max(COORDINATION_PARTNERS.length)
      .refine((list) => new Set(list).size === list.length, 'Mitra tidak boleh berulang.')
      .optional(),
    date: z.iso.date({ error: 'Tanggal harus berformat TTTT-BB-HH.' }),
    desa: z
      .string()
      .trim()
      .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'Isi kode desa/kelurahan, mis. 32.01.14.2001.'),
    reached: z
      .number({ error: 'Isi jumlah orang.' })
      .int('Isi bilangan bulat.')
      .min(0, 'Tidak boleh negatif.')
      .max(100000, 'Terlalu besar.'),
    // Free text about people met: a NIK/KK typed in is masked before it is stored (as
    // pendampingan findings are), since the log is read by the whole kabupaten's office.
    notes: z.string().trim().max(2000, 'Catatan maksimal 2000 karakter.').default('').transform(maskDigitsIn),
  })
  .refine((input) => input.kind !== 'KOORDINASI' || (input.partners?.length ?? 0) > 0, {
    message: 'Pilih dengan siapa koordinasi/rakor dilakukan.',
    path: ['partners'],
  })
  .refine((input) => input.kind === 'KOORDINASI' || input.partners === undefined, {
    message: 'Mitra hanya untuk koordinasi/rakor.',
    path: ['partners'],
  })
export type ActivityInput = z.output<typeof activityInputSchema>

export const activityMonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Bulan harus berformat TTTT-BB.')
