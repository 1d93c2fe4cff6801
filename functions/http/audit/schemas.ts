import * as z from 'zod'

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** A calendar date (read in the area's zone) or an ISO-8601 instant with its offset. */
const dateOrInstant = z
  .string()
  .refine(
    (value) =>
      (DATE.test(value) && !Number.isNaN(Date.parse(value))) ||
      (/^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value))),
    'Isi dengan tanggal (2026-03-01) atau waktu ISO-8601 (2026-03-01T08:00:00+07:00).',
  )

const filterFields = {
  entityId: z.string().min(1).max(200).optional(),
  actor: z.string().min(1).max(200).optional(),
  action: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'Tindakan ditulis huruf besar, mis. CASE_CREATED.')
    .optional(),
  from: dateOrInstant.optional(),
  to: dateOrInstant.optional(),
  area: z
    .string()
    .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, 'Kode wilayah harus seperti 32.01 atau 32.01.14.')
    .optional(),
}

export const auditListQuerySchema = z.strictObject({
  ...filterFields,
  limit: z.coerce.number().int('Harus bilangan bulat.').min(1).max(100).default(20),
  cursor: z.string().min(1).max(2000).optional(),
})

/** `POST /api/audit/export`: the same filters as the list, as a JSON body. */
export const auditExportBodySchema = z.strictObject(filterFields)

export const auditVerifyQuerySchema = z.strictObject({
  entityId: z.string('entityId wajib diisi.').min(1, 'entityId wajib diisi.').max(200),
})

export type AuditFilterQuery = z.output<typeof auditExportBodySchema>
