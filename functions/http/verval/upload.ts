/**
 * `POST /api/verval?program=&period=` (DESIGN §4): a TKSK submits the verval of their
 * own kecamatan. The parsed rows are stored packed in a few items (ADR 0004), the batch takes the period's
 * slot (superseding a batch still open to change; 409 once one is applying or applied),
 * and the workflow validates it: 202 with the batch id (also when the workflow could not
 * be started yet: the next read starts it, as for a case).
 */
import { ulid } from 'ulid'
import { timeZoneOfArea } from '../../core/areas/time-zones'
import { type BatchRecord } from '../../core/verval/batch-record'
import { PERIOD_MESSAGES, periodProblem } from '../../core/verval/period'
import { findRepeats, type Repeat } from '../../core/verval/repeats'
import { MAX_CELL_CHARS, oversizedCell, packRows } from '../../core/verval/row-packing'
import { deleteChunks, putChunks } from '../../data/batch-chunks'
import { deleteVervalUpload } from '../../data/verval-upload-store'
import { BatchConflictError, createBatch } from '../../data/batch-repository'
import { now } from '../../shared/clock'
import { BadRequestError, ConflictError } from '../../shared/errors'
import { staffAction } from '../runtime/action'
import { parseQuery } from '../runtime/parse'
import { json } from '../runtime/responses'
import { readVervalFile } from './read-file'
import { uploaderKecamatan } from './uploader'
import { uploadQuerySchema } from './schemas'
import { takeSlot } from '../../flows/verval/take-slot'
import { ensureVervalWorkflowStarted } from '../../flows/verval/workflow'

const conflict = () =>
  new ConflictError('Verval periode ini sedang atau sudah diterapkan; unggahan baru tidak dapat diterima.')

export const upload = staffAction(async (request) => {
  const { user } = request
  const kecamatan = uploaderKecamatan(user)
  const query = parseQuery(request, uploadQuerySchema)
  const at = now()
  const problem = periodProblem(query.period, at, timeZoneOfArea(kecamatan) ?? 'Asia/Jakarta')
  if (problem)
    throw new BadRequestError(PERIOD_MESSAGES[problem], [
      { path: 'period', message: PERIOD_MESSAGES[problem] },
    ])
  const { rows, uploadId } = await readVervalFile(request, kecamatan)
  const oversized = oversizedCell(rows)
  if (oversized) {
    const message = `Baris ${oversized.line}: isi kolom ${oversized.column} melebihi ${MAX_CELL_CHARS} karakter.`
    throw new BadRequestError(message, [{ path: 'file', message }])
  }

  const repeatsOf = new Map<number, Repeat[]>()
  for (const repeat of findRepeats(rows))
    repeatsOf.set(repeat.line, [...(repeatsOf.get(repeat.line) ?? []), repeat])
  const batch: BatchRecord = {
    batchId: ulid(at.getTime()),
    kecamatan,
    program: query.program,
    period: query.period,
    status: 'VALIDATING',
    rows: rows.length,
    errorCount: 0,
    uploadedBy: { id: user.id, email: user.email },
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  }
  const actor = { id: user.id, role: user.role }
  const previous = await takeSlot(batch, actor, request.correlationId)
  if (previous === 'blocked') throw conflict()
  // One short write of a few packed items; the workflow expands them into row items (ADR 0004).
  await putChunks(
    batch.batchId,
    packRows(
      rows.map((row, index) => ({ ...row, index: index + 1, repeats: repeatsOf.get(row.line) ?? [] })),
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
      },
      correlationId: request.correlationId,
    })
  } catch (error) {
    if (!(error instanceof BatchConflictError)) throw error
    await deleteChunks(batch.batchId)
    throw conflict()
  }
  // The batch holds the rows now; the bucket's lifecycle removes the file if this fails.
  if (uploadId) await deleteVervalUpload(kecamatan, uploadId)
  // A failed start still answers 202: the next read of the batch starts it.
  await ensureVervalWorkflowStarted(batch, request.correlationId)
  return json(202, { batchId: batch.batchId, status: batch.status })
})
