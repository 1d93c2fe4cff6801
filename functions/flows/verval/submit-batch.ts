/**
 * A verval batch from its parsed rows (DESIGN §3, §4): the rows are stored packed in a few
 * items (ADR 0004), the batch takes the period's slot (superseding a batch still open to
 * change; 409 once one is applying or applied), and the workflow validates it. Shared by
 * the TKSK's upload and the batch composed from the desa parts (ADR 0033), which also
 * says where each row came from.
 */
import { ulid } from 'ulid'
import type { AuditActor } from '../../core/audit/audit-entry'
import type { VervalProgram } from '../../core/catalog/verval-programs'
import type { BatchRecord } from '../../core/verval/batch-record'
import type { SourceRange } from '../../core/verval/compose-parts'
import { findRepeats, type Repeat } from '../../core/verval/repeats'
import { MAX_CELL_CHARS, oversizedCell, packRows } from '../../core/verval/row-packing'
import type { VervalRow } from '../../core/verval/verval-row'
import { BatchConflictError, createBatch } from '../../data/batch-repository'
import { deleteChunks, putChunks } from '../../data/batch-chunks'
import { now } from '../../shared/clock'
import { env } from '../../shared/env'
import { BadRequestError, ConflictError } from '../../shared/errors'
import { takeSlot } from './take-slot'
import { ensureVervalWorkflowStarted } from './workflow'

const conflict = () =>
  new ConflictError('Verval periode ini sedang atau sudah diterapkan; unggahan baru tidak dapat diterima.')

/** A row's cell longer than any column needs: the whole file is refused (400, `file`). */
export const assertCellsFit = (rows: readonly VervalRow[]): void => {
  const oversized = oversizedCell(rows)
  if (!oversized) return
  const message = `Baris ${oversized.line}: isi kolom ${oversized.column} melebihi ${MAX_CELL_CHARS} karakter.`
  throw new BadRequestError(message, [{ path: 'file', message }])
}

export interface BatchSubmission {
  kecamatan: string
  program: VervalProgram
  period: string
  rows: readonly VervalRow[]
  uploadedBy: { id: string; email: string }
  actor: AuditActor
  correlationId: string
  /** For a composed batch: which lines came from which desa part or the TKSK. */
  sources?: SourceRange[]
}

export const submitBatch = async (submission: BatchSubmission): Promise<BatchRecord> => {
  const { rows, actor, correlationId } = submission
  assertCellsFit(rows)
  const repeatsOf = new Map<number, Repeat[]>()
  for (const repeat of findRepeats(rows))
    repeatsOf.set(repeat.line, [...(repeatsOf.get(repeat.line) ?? []), repeat])
  const at = now()
  const batch: BatchRecord = {
    batchId: ulid(at.getTime()),
    kecamatan: submission.kecamatan,
    program: submission.program,
    period: submission.period,
    status: 'VALIDATING',
    rows: rows.length,
    errorCount: 0,
    uploadedBy: submission.uploadedBy,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
    ...(submission.sources ? { sources: submission.sources } : {}),
  }
  const previous = await takeSlot(batch, actor, correlationId)
  if (previous === 'blocked') throw conflict()
  // One short write of a few packed items; the workflow expands them into row items (ADR 0004).
  await putChunks(
    batch.batchId,
    packRows(
      rows.map((row, index) => ({ ...row, index: index + 1, repeats: repeatsOf.get(row.line) ?? [] })),
      env.vervalChunkRows(),
    ),
  )
  try {
    await createBatch(batch, previous, {
      action: 'VERVAL_UPLOADED',
      actor,
      after: {
        program: batch.program,
        period: batch.period,
        rows: batch.rows,
        ...(previous ? { supersedes: previous } : {}),
        ...(batch.sources ? { sources: batch.sources } : {}),
      },
      correlationId,
    })
  } catch (error) {
    if (!(error instanceof BatchConflictError)) throw error
    await deleteChunks(batch.batchId)
    throw conflict()
  }
  return batch
}

/** Starts the batch's workflow; a failed start still answers 202: the next read of the batch starts it. */
export const startSubmittedBatch = (batch: BatchRecord, correlationId: string) =>
  ensureVervalWorkflowStarted(batch, correlationId)
