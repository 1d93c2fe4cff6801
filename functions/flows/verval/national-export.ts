/**
 * The national export of a kabupaten's approved verval changes (issue 21 item 4, ADR
 * 0034): the APPLIED batches of a program and period laid out as the national upload
 * takes them, full values included. It is a PII export like a reveal: it states a
 * purpose, its NATIONAL_EXPORT entry and the marks on the batches it carries are written
 * in one transaction before the file is handed out, and a batch sent once is left out of
 * the next export unless it is asked for again (`includeSent`).
 */
import { ulid } from 'ulid'
import { areaLevel } from '../../core/areas/area-code'
import type { AuditActor } from '../../core/audit/audit-entry'
import type { VervalProgram } from '../../core/catalog/verval-programs'
import { PROTECTED_COLUMNS } from '../../core/verval/columns'
import {
  NATIONAL_LAYOUT,
  nationalCsv,
  nationalTable,
  nationalXlsx,
  type ExportedBatch,
} from '../../core/verval/national-export'
import { loadAreaIndex } from '../../data/area-source'
import { readRows } from '../../data/batch-chunks'
import {
  BatchesChangedError,
  MAX_BATCHES_PER_EXPORT,
  periodBatches,
  recordNationalExport,
} from '../../data/national-export-repository'
import { BadRequestError, ConflictError } from '../../shared/errors'

/** One Lambda answer holds about 6 MB; 10,000 rows of the layout stay well under it. */
export const MAX_NATIONAL_ROWS = 10_000

export interface NationalExportRequest {
  kabupaten: string
  /** One kecamatan of it, to split an export too large for one file. */
  kecamatan?: string | undefined
  program: VervalProgram
  period: string
  purpose: string
  format: 'csv' | 'xlsx'
  includeSent: boolean
}

export interface NationalExportFile {
  exportId: string
  format: 'csv' | 'xlsx'
  body: string | Buffer
  filename: string
  rows: number
  batchIds: string[]
}

const kecamatansOf = (request: NationalExportRequest): string[] =>
  request.kecamatan
    ? [request.kecamatan]
    : loadAreaIndex()
        .children(request.kabupaten)
        .map((row) => row.code)
        .filter((code) => areaLevel(code) === 'district')

const nothingToSend = (request: NationalExportRequest) =>
  new ConflictError(
    request.includeSent
      ? `Tidak ada batch ${request.program} periode ${request.period} yang sudah diterapkan.`
      : `Tidak ada batch ${request.program} periode ${request.period} yang sudah diterapkan dan belum dikirim. ` +
          'Untuk mengirim ulang, pilih sertakan yang sudah dikirim.',
  )

export const exportNational = async (
  request: NationalExportRequest,
  actor: AuditActor,
  correlationId: string,
  at: Date,
): Promise<NationalExportFile> => {
  const batches = (await periodBatches(kecamatansOf(request), request.program, request.period)).filter(
    (batch) => batch.status === 'APPLIED' && (request.includeSent || !batch.sentToNational),
  )
  if (batches.length === 0) throw nothingToSend(request)
  if (batches.length > MAX_BATCHES_PER_EXPORT)
    throw new ConflictError(`Lebih dari ${MAX_BATCHES_PER_EXPORT} batch; ekspor per kecamatan.`)
  const exported: ExportedBatch[] = []
  for (const batch of batches) exported.push({ ...batch, rows: await readRows(batch.batchId, 1, batch.rows) })
  const table = nationalTable(exported)
  if (table.rows.length > MAX_NATIONAL_ROWS)
    // As the audit export does: the caller narrows it (one kecamatan at a time).
    throw new BadRequestError(`Ekspor ini lebih dari ${MAX_NATIONAL_ROWS} baris; ekspor per kecamatan.`, [
      { path: 'kecamatan', message: 'Pilih satu kecamatan.' },
    ])
  const exportId = ulid(at.getTime())
  const batchIds = batches.map((batch) => batch.batchId)
  try {
    await recordNationalExport({
      kabupaten: request.kabupaten,
      actor,
      correlationId,
      at,
      sending: { exportId, at: at.toISOString(), by: actor.id },
      batchIds,
      resend: request.includeSent,
      after: {
        exportId,
        purpose: request.purpose,
        layout: NATIONAL_LAYOUT.id,
        program: request.program,
        period: request.period,
        format: request.format,
        includeSent: request.includeSent,
        ...(request.kecamatan ? { kecamatan: request.kecamatan } : {}),
        batches: batchIds,
        rows: table.rows.length,
        // What the file holds in full, as a reveal names its fields.
        fields: ['nik', 'no_kk', 'no_kks', ...PROTECTED_COLUMNS],
      },
    })
  } catch (error) {
    if (error instanceof BatchesChangedError)
      throw new ConflictError(
        'Batch periode ini baru saja diekspor oleh orang lain; muat ulang dan coba lagi.',
      )
    throw error
  }
  const name = `kpm-perubahan-${request.program}-${request.period}-${(request.kecamatan ?? request.kabupaten).replaceAll('.', '')}`
  return {
    exportId,
    format: request.format,
    body: request.format === 'xlsx' ? nationalXlsx(table) : nationalCsv(table),
    filename: `${name}.${request.format}`,
    rows: table.rows.length,
    batchIds,
  }
}
