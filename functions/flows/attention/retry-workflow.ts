/**
 * "Coba lagi" (issue 17, ADR 0025, 0040): Dinsos retries a halted case, verval batch or
 * laporan bulanan workflow. The request is recorded and audited on the case or batch, then the execution
 * is redriven: Step Functions runs it again from the state where it halted, which lets it
 * go back to the failed step. AWS redrives only within 14 days of the failure: later, the
 * retry is refused before anything is written, and the page says what to do instead.
 */
import { RedriveExecutionCommand } from '@aws-sdk/client-sfn'
import { isRetryable } from '../../core/attention/attention'
import { ATTENTION_SUBJECT_LABELS, PAST_RETRY_ADVICE } from '../../core/attention/attention-labels'
import { can } from '../../core/authorization/can'
import type { User } from '../../core/identity/user'
import { IN_PROGRESS } from '../../core/verval/batch-status'
import { type AttentionSubject, readAttention, requestRetry } from '../../data/attention-repository'
import { getBatch } from '../../data/batch-repository'
import { getCase } from '../../data/case-repository'
import { getLaporan } from '../../data/laporan-repository'
import { sfn } from '../../shared/clients'
import { now } from '../../shared/clock'
import { ConflictError, ForbiddenError, NotFoundError } from '../../shared/errors'
import { batchSubject, caseSubject, laporanSubject } from './attention-subjects'

const redriveHalted = async (user: User, subject: AttentionSubject, correlationId: string): Promise<void> => {
  const named = ATTENTION_SUBJECT_LABELS[subject.kind]
  if (!can(user, 'workflow:retry', { area: subject.area }))
    throw new ForbiddenError(`${named} di luar wewenang Anda.`)
  const notWaiting = `${named} tidak sedang menunggu dicoba lagi.`
  const attention = await readAttention(subject.key)
  if (!attention) throw new ConflictError(notWaiting)
  const at = now()
  if (!isRetryable(attention, at))
    throw new ConflictError(
      `${named} gagal lebih dari 14 hari lalu sehingga tidak dapat dicoba lagi. ${PAST_RETRY_ADVICE[subject.kind]}`,
    )
  const actor = { id: user.id, role: user.role }
  if (!(await requestRetry(subject, attention, { actor, correlationId, at: at.toISOString() })))
    throw new ConflictError(notWaiting)
  try {
    await sfn().send(new RedriveExecutionCommand({ executionArn: attention.executionArn }))
  } catch (error) {
    // Redriven already (a second click, or a colleague's): it is running again.
    if (error instanceof Error && error.name === 'ExecutionNotRedrivable')
      throw new ConflictError(`${named} sedang diproses ulang.`)
    throw error
  }
}

/** Retries the case's halted workflow; the reference, to confirm which one. */
export const retryCaseWorkflow = async (
  user: User,
  caseId: string,
  correlationId: string,
): Promise<string> => {
  const record = await getCase(caseId)
  if (!record) throw new NotFoundError('Kasus tidak ditemukan.')
  await redriveHalted(user, caseSubject(record), correlationId)
  return record.reference
}

/** Retries the batch's halted workflow; its label (program and period), to confirm which one. */
export const retryBatchWorkflow = async (
  user: User,
  batchId: string,
  correlationId: string,
): Promise<string> => {
  const batch = await getBatch(batchId)
  if (!batch) throw new NotFoundError('Verval tidak ditemukan.')
  const subject = batchSubject(batch)
  // Superseded meanwhile (a new upload of its period): nothing of it runs on.
  if (!IN_PROGRESS.includes(batch.status)) {
    if (!can(user, 'workflow:retry', { area: subject.area })) throw new ForbiddenError()
    throw new ConflictError('Verval ini tidak sedang menunggu dicoba lagi.')
  }
  await redriveHalted(user, subject, correlationId)
  return subject.label
}

/**
 * Retries the laporan's halted deadline workflow (its reminder or escalation); its label.
 * Whatever the report's status, the workflow goes on: its steps act only while it is unsent.
 */
export const retryLaporanWorkflow = async (
  user: User,
  report: { kecamatan: string; month: string },
  correlationId: string,
): Promise<string> => {
  const record = await getLaporan(report.kecamatan, report.month)
  if (!record) throw new NotFoundError('Laporan tidak ditemukan.')
  const subject = laporanSubject(record)
  await redriveHalted(user, subject, correlationId)
  return subject.label
}
