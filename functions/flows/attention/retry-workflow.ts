/**
 * "Coba lagi" (issue 17, ADR 0025): Dinsos retries a halted workflow. The request is
 * recorded and audited on the case, then the execution is redriven: Step Functions runs
 * it again from the state where it halted, which lets it go back to the failed step.
 */
import { RedriveExecutionCommand } from '@aws-sdk/client-sfn'
import { can } from '../../core/authorization/can'
import type { User } from '../../core/identity/user'
import { readAttention, requestRetry } from '../../data/attention-repository'
import { getCase } from '../../data/case-repository'
import { sfn } from '../../shared/clients'
import { nowIso } from '../../shared/clock'
import { ConflictError, ForbiddenError, NotFoundError } from '../../shared/errors'
import { caseSubject } from './attention-subjects'

const NOT_WAITING = 'Kasus ini tidak sedang menunggu dicoba lagi.'

/** Retries the case's halted workflow; the reference, to confirm which one. */
export const retryCaseWorkflow = async (
  user: User,
  caseId: string,
  correlationId: string,
): Promise<string> => {
  const record = await getCase(caseId)
  if (!record) throw new NotFoundError('Kasus tidak ditemukan.')
  if (!can(user, 'workflow:retry', { area: record.kecamatan }))
    throw new ForbiddenError('Kasus ini di luar wewenang Anda.')
  const subject = caseSubject(record)
  const attention = await readAttention(subject.key)
  if (!attention) throw new ConflictError(NOT_WAITING)
  const actor = { id: user.id, role: user.role }
  if (!(await requestRetry(subject, attention, { actor, correlationId, at: nowIso() })))
    throw new ConflictError(NOT_WAITING)
  try {
    await sfn().send(new RedriveExecutionCommand({ executionArn: attention.executionArn }))
  } catch (error) {
    // Redriven already (a second click, or a colleague's): it is running again.
    if (error instanceof Error && error.name === 'ExecutionNotRedrivable')
      throw new ConflictError('Kasus ini sedang diproses ulang.')
    throw error
  }
  return record.reference
}
