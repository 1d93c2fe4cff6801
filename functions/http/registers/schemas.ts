/** Query and path schemas of `/api/psks` and `/api/kegiatan` (bodies: core/psks, core/activities). */
import * as z from 'zod'
import { activityMonthSchema } from '../../core/activities/activity-schema'
import { PSKS_KINDS } from '../../core/psks/psks-kinds'

export { activityInputSchema } from '../../core/activities/activity-schema'
export { psksInputSchema, psksPatchSchema } from '../../core/psks/psks-schema'
export { ppksInputSchema, ppksListQuerySchema, ppksPatchSchema } from '../../core/ppks/ppks-schema'
export { ppksCaseBodySchema } from '../../core/ppks/ppks-case'

const area = z
  .string()
  .regex(/^\d{2}\.\d{2}(\.\d{2})?$/, 'Wilayah harus kode kabupaten/kota atau kecamatan, mis. 32.01.14.')
  .optional()

export const psksListQuerySchema = z.strictObject({
  area,
  kind: z.enum(PSKS_KINDS, { error: 'Jenis PSKS tidak dikenal.' }).optional(),
  active: z.enum(['true', 'false'], { error: 'Isi true atau false.' }).optional(),
})

export const psksIdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'ID PSKS tidak valid.')

export const activityListQuerySchema = z.strictObject({ area, month: activityMonthSchema })

/** `GET /api/peta-sosial`: a kecamatan or kabupaten/kota (the caller's when absent), JSON unless a file is asked for. */
export const socialMapQuerySchema = z.strictObject({
  area,
  format: z.enum(['csv', 'xlsx'], { error: 'Format harus csv atau xlsx.' }).optional(),
})
