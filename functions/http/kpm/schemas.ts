import * as z from 'zod'
import { vervalProgramSchema } from '../../core/catalog/verval-programs'

export const kpmListQuerySchema = z.looseObject({
  area: z
    .string()
    .optional()
    .describe('A kabupaten/kota (32.01) or kecamatan (32.01.14) code; defaults to the caller’s own'),
  program: vervalProgramSchema,
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(2000).optional(),
})
