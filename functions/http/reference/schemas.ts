import * as z from 'zod'

/** `parent` absent → provinces; otherwise the children of that province, kabupaten/kota or kecamatan. */
export const areasQuerySchema = z.strictObject({
  parent: z
    .string()
    .regex(/^\d{2}(\.\d{2}(\.\d{2})?)?$/, 'Kode wilayah induk harus seperti 32, 32.01 atau 32.01.14.')
    .optional(),
})
