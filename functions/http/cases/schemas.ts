/** Query and body schemas of the cases resource (also what `GET /api/openapi.json` shows). */
import * as z from 'zod'
import { CASE_STATUSES } from '../../core/catalog/case-statuses'
import { caseKindSchema } from '../../core/case/case-kind'
import { accessCodeSchema } from '../../core/case/access-code'
import { referenceSchema } from '../../core/case/reference'

export { intakeBodySchema } from '../../core/case/intake-schema'
export { pendampinganBodySchema } from '../../core/case/pendampingan'

/** `POST /api/cases/status` and the `/status` form (DESIGN v3 §4). */
export const caseStatusBodySchema = z.strictObject({
  reference: referenceSchema,
  accessCode: accessCodeSchema,
})

export const listQuerySchema = z.strictObject({
  status: z.enum(CASE_STATUSES, { error: 'Status tidak dikenal.' }).optional(),
  // Issue 15 item 6: the kinds of the one core list (a service request, the bansos kinds).
  kind: caseKindSchema.optional(),
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

/** `GET /api/attention` (issue 17): what needs attention in an area; `retried` is the page's confirmation. */
export const attentionQuerySchema = z.strictObject({
  area: listQuerySchema.shape.area,
  limit: listQuerySchema.shape.limit,
  cursor: listQuerySchema.shape.cursor,
  retried: z
    .string()
    .regex(/^\d{6}-\d{4}-\d{6}$/, 'Nomor kasus tidak valid.')
    .optional(),
  /** The verval batch just retried (ADR 0040), confirmed without echoing free text. */
  retriedBatch: z
    .string()
    .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Batch tidak dikenal.')
    .optional(),
  /** The laporan bulanan just retried (its id, `<kecamatan>_<month>`), confirmed likewise. */
  retriedLaporan: z
    .string()
    .regex(/^\d{2}\.\d{2}\.\d{2}_\d{4}-\d{2}$/, 'Laporan tidak dikenal.')
    .optional(),
})

export const caseIdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'ID kasus tidak valid.')

const REVEAL_BY_POST =
  'Membuka NIK dan No. KK sekarang lewat POST /api/cases/{caseId}/reveal dengan {"purpose"}.'

/**
 * `GET /api/cases/{caseId}` takes no query. The retired `?reveal=pii&purpose=` is named
 * in the answer (ADR 0011): a GET never writes a `PII_READ`.
 */
const retired = z
  .unknown()
  .refine(() => false, REVEAL_BY_POST)
  .optional()
export const detailQuerySchema = z.strictObject({ reveal: retired, purpose: retired })

/** `POST /api/cases/{caseId}/reveal`: why the NIK and KK are opened, recorded in `PII_READ`. */
export const revealBodySchema = z.strictObject({
  purpose: z
    .string({ error: 'Sebutkan tujuan membuka data pribadi (minimal 5 karakter).' })
    .trim()
    .min(5, 'Tujuan minimal 5 karakter.')
    .max(200, 'Tujuan maksimal 200 karakter.'),
})
