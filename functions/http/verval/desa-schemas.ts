/** The inputs of the desa parts API (issue 21 item 1, ADR 0033). */
import * as z from 'zod'
import { vervalProgramSchema } from '../../core/catalog/verval-programs'

const period = z
  .string({ error: 'Periode wajib diisi (TTTT-BB).' })
  .describe('YYYY-MM: the current or previous month')
const kecamatan = z
  .string()
  .trim()
  .optional()
  .describe('The kecamatan (Dinsos names one of its kabupaten); a TKSK’s is always their own')

export const desaLinksBodySchema = z.strictObject({ program: vervalProgramSchema, period, kecamatan })

export const desaPartsQuerySchema = z.looseObject({ program: vervalProgramSchema, period, kecamatan })

export const composeQuerySchema = z.looseObject({ program: vervalProgramSchema, period })
