/**
 * The Catch of every verval state before ADR 0040 (ADR 0004), kept for the executions
 * started under that definition (AWS runs an execution on the definition it started
 * with, for up to its 60 days); new executions go to NEEDS_ATTENTION instead. A step that still fails after its retries
 * leaves the batch FAILED (not VALIDATING or APPLYING forever), with its audit entry in
 * the same transaction, and tells the uploader to upload again; a FAILED batch is
 * superseded by the next upload of its period.
 */
import { personOf } from '../../flows/case/routing'
import { IN_PROGRESS } from '../../core/verval/batch-status'
import { noticeDraft } from '../../flows/verval/batch-mail'
import type { BatchRecord } from '../../core/verval/batch-record'
import { transition } from '../../data/batch-repository'
import { mailPut } from '../../data/outbox-repository'
import { getStaffMember } from '../../data/user-repository'
import { now } from '../../shared/clock'
import { logger } from '../../shared/logger'
import { loadBatch } from './load-batch'
import { correlationOf, end, SYSTEM_ACTOR, type VervalState } from './verval-state'

export interface CaughtError {
  Error?: string
  Cause?: string
}

/** The uploader's notice to upload again (or to call Dinsos when the apply was partly done). */
const failureNotice = async (batch: BatchRecord) => {
  const member = await getStaffMember(batch.uploadedBy.id)
  const uploader = member
    ? personOf(member)
    : {
        id: batch.uploadedBy.id,
        role: 'tksk' as const,
        name: batch.uploadedBy.email,
        email: batch.uploadedBy.email,
      }
  return noticeDraft(batch, uploader, 'failed', `Verval gagal diproses: ${batch.program} ${batch.period}`, [
    `Verval ${batch.program} periode ${batch.period} kecamatan ${batch.kecamatan} gagal diproses karena gangguan sistem.`,
    batch.status === 'APPLYING'
      ? 'Sebagian perubahan mungkin sudah diterapkan ke data KPM. Hubungi Dinas Sosial sebelum mengunggah ulang.'
      : 'Silakan unggah kembali berkas yang sama agar diproses ulang.',
  ])
}

export const markFailed = async (state: VervalState & { error?: CaughtError }): Promise<VervalState> => {
  const batch = await loadBatch(state.batchId)
  const error = state.error?.Error ?? 'Unknown'
  logger.error('verval workflow failed', { batchId: batch.batchId, error, cause: state.error?.Cause })
  // Superseded or decided meanwhile: nothing failed that anyone waits for, and no mail.
  if (!IN_PROGRESS.includes(batch.status)) return end(state)
  const at = now()
  // The notice is written with the FAILED status (ADR 0020): a replay finds it written.
  await transition(
    batch,
    IN_PROGRESS,
    'FAILED',
    {
      action: 'VERVAL_FAILED',
      actor: SYSTEM_ACTOR,
      after: { from: batch.status, error },
      correlationId: correlationOf(batch.batchId),
    },
    {
      at,
      fields: { failure: { from: batch.status, error } },
      alongWith: [mailPut(await failureNotice(batch), at.toISOString())],
    },
  )
  return end(state)
}
