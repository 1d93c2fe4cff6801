/** Query and path schemas of `/api/admin/providers` (bodies: core/providers/provider-schema.ts). */
import * as z from 'zod'
import { SERVICE_CODES } from '../../core/catalog/services'

export { providerInputSchema, providerPatchSchema } from '../../core/providers/provider-schema'

export const providerListQuerySchema = z.strictObject({
  area: z
    .string()
    .regex(/^\d{2}\.\d{2}$/, 'Wilayah harus kode kabupaten/kota, mis. 32.01.')
    .optional(),
  service: z.enum(SERVICE_CODES, { error: 'Layanan tidak dikenal.' }).optional(),
  active: z.enum(['true', 'false'], { error: 'Isi true atau false.' }).optional(),
  limit: z.coerce.number().int().min(1, 'Minimal 1.').max(100, 'Maksimal 100.').default(20),
  cursor: z.string().max(200).optional(),
})

export const providerIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, 'ID penyedia tidak valid.')
