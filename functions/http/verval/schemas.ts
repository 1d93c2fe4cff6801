import * as z from 'zod'
import { vervalProgramSchema } from '../../core/catalog/verval-programs'
import { XLSX_TYPE } from '../../core/spreadsheet/read-spreadsheet'
import { MAX_VERVAL_BYTES } from '../../core/verval/columns'
import { choice } from '../../core/validation/choice'

export const uploadQuerySchema = z.looseObject({
  program: vervalProgramSchema.describe('BPNT, PKH or PBI'),
  period: z
    .string({ error: 'Periode wajib diisi (TTTT-BB).' })
    .describe('YYYY-MM: the current or previous month'),
})

export const batchIdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Batch tidak dikenal.')

export const decisionBodySchema = z
  .strictObject({
    decision: choice(['APPROVE', 'REJECT'], 'keputusan'),
    reason: z.string().trim().max(1000, 'Alasan maksimal 1.000 karakter.').optional(),
  })
  .superRefine((value, context) => {
    if (value.decision === 'REJECT' && !value.reason)
      context.addIssue({ code: 'custom', path: ['reason'], message: 'Alasan penolakan wajib diisi.' })
  })

export const errorsQuerySchema = z.looseObject({
  format: z
    .enum(['json', 'csv', 'xlsx'], { error: 'Format: json, csv atau xlsx.' })
    .optional()
    .describe('csv or xlsx to download the report; Accept: text/csv also gives CSV'),
})

/** `POST /api/verval/uploads`: what will be uploaded, so the URL can be signed for exactly that. */
export const presignBodySchema = z.strictObject({
  contentType: z.enum(['text/csv', XLSX_TYPE], {
    error: 'Jenis berkas harus CSV atau XLSX.',
  }),
  size: z
    .number({ error: 'Ukuran berkas (byte) wajib diisi.' })
    .int()
    .min(1, 'Berkas kosong.')
    .max(MAX_VERVAL_BYTES, `Berkas maksimal ${MAX_VERVAL_BYTES} byte (5 MiB).`),
})

/** `POST /api/verval` with JSON: the upload to read instead of a body. */
export const uploadReferenceSchema = z.strictObject({
  uploadId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Unggahan tidak dikenal.'),
})

/** `POST /api/verval/export` (issue 21 item 4, ADR 0034): which approved changes, why, and as what. */
export const nationalExportBodySchema = z.strictObject({
  program: vervalProgramSchema.describe('BPNT, PKH or PBI'),
  period: z
    .string({ error: 'Periode wajib diisi (TTTT-BB).' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Periode harus berformat TTTT-BB, misalnya 2026-01.'),
  purpose: z
    .string({ error: 'Sebutkan tujuan ekspor (minimal 5 karakter), misalnya unggah SIKS-NG.' })
    .trim()
    .min(5, 'Tujuan minimal 5 karakter.')
    .max(200, 'Tujuan maksimal 200 karakter.'),
  format: choice(['csv', 'xlsx'], 'format berkas', 'Format berkas: csv atau xlsx.').default('csv'),
  /** The kabupaten/kota; the caller's own by default. */
  area: z.string().optional().describe('Kode kabupaten/kota (contoh: 32.01); bawaan: wilayah pengguna'),
  kecamatan: z
    .string()
    .optional()
    .describe('Satu kecamatan dari kabupaten/kota itu, untuk ekspor yang terlalu besar'),
  includeSent: z
    .boolean({ error: 'includeSent: true atau false.' })
    .default(false)
    .describe('Sertakan batch yang sudah pernah dikirim (kirim ulang)'),
})

/** `POST /api/verval/{batchId}/reveal` (ADR 0034): which row, and why it is opened (recorded in `PII_READ`). */
export const revealRowBodySchema = z.strictObject({
  line: z
    .number({ error: 'Nomor baris (spreadsheet) wajib diisi.' })
    .int('Nomor baris harus bilangan bulat.')
    .min(2, 'Baris 1 adalah judul; baris data mulai dari 2.'),
  purpose: z
    .string({ error: 'Sebutkan tujuan membuka data pribadi (minimal 5 karakter).' })
    .trim()
    .min(5, 'Tujuan minimal 5 karakter.')
    .max(200, 'Tujuan maksimal 200 karakter.'),
})
