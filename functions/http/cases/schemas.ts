/** Query and body schemas of the cases resource (also what `GET /api/openapi.json` shows). */
import * as z from 'zod'
import { CASE_STATUSES } from '../../core/catalog/case-statuses'
import { isoDateSchema } from '../../core/case/intake-schema'
import { referenceSchema } from '../../core/case/reference'

export { intakeBodySchema } from '../../core/case/intake-schema'

export const caseStatusQuerySchema = z.strictObject({ reference: referenceSchema, birthDate: isoDateSchema })

export const listQuerySchema = z.strictObject({
  status: z.enum(CASE_STATUSES, { error: 'Status tidak dikenal.' }).optional(),
  area: z
    .string()
    .regex(
      /^\d{2}\.\d{2}(\.\d{2})?$/,
      'Wilayah harus kode kabupaten/kota atau kecamatan, mis. 32.01 atau 32.01.14.',
    )
    .optional(),
  limit: z.coerce.number().int().min(1, 'Minimal 1.').max(100, 'Maksimal 100.').default(20),
  cursor: z.string().max(2000).optional(),
})

export const withdrawBodySchema = z.strictObject({
  reason: z.string({ error: 'Alasan wajib diisi.' }).trim().min(5, 'Alasan minimal 5 karakter.').max(1000),
})

export const caseIdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'ID kasus tidak valid.')

/**
 * `GET /api/cases/{caseId}` query: `reveal=pii` unmasks NIK/KK and must say why
 * (`purpose`, ≥ 5 characters), because the purpose is what the `PII_READ` entry records.
 */
export const detailQuerySchema = z
  .strictObject({
    reveal: z.literal('pii', { error: 'Nilai reveal yang dikenal hanya "pii".' }).optional(),
    purpose: z
      .string()
      .trim()
      .min(5, 'Tujuan minimal 5 karakter.')
      .max(200, 'Tujuan maksimal 200 karakter.')
      .optional(),
  })
  .refine((query) => !query.reveal || query.purpose !== undefined, {
    path: ['purpose'],
    message: 'Sebutkan tujuan membuka data pribadi (minimal 5 karakter).',
  })
