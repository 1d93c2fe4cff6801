/**
 * Withdrawal (DESIGN §1 `WITHDRAWN`): staff close an open case on the resident's
 * request; the task the workflow waits on is cancelled and the workflow resumed, so it
 * goes on to Close (which tells the resident) instead of waiting out its deadline.
 */
import type { CaseRecord } from '../../core/case/case-record'
import { closeTask } from '../../data/task-closing'
import { getTask } from '../../data/task-repository'
import type { User } from '../../core/identity/user'
import { nowIso } from '../../shared/clock'
import { ConflictError } from '../../shared/errors'
import { closeCase } from './close-case-change'
import { maskPersonalText } from '../../core/identity/disclosure'
import { resumeWait } from './workflow-control'
import { countMetric } from '../../observability/metrics'

export const withdrawCase = async (
  record: CaseRecord,
  typedReason: string,
  user: User,
  correlationId: string,
) => {
  if (record.status === 'CLOSED') throw new ConflictError('Kasus sudah ditutup.')
  // Stored masked (DESIGN §1): the reason is shown on staff pages and in the audit.
  const reason = maskPersonalText(typedReason, record.applicant)
  const at = nowIso()
  const actor = { id: user.id, role: user.role }
  const result = await closeCase(record, {
    outcome: 'WITHDRAWN',
    reason,
    at,
    from: ['IDENTIFICATION', 'ASSESSMENT', 'RECOMMENDATION', 'REFERRAL'],
    audit: {
      action: 'CASE_WITHDRAWN',
      actor,
      after: { status: 'CLOSED', outcome: 'WITHDRAWN', reason },
      correlationId,
    },
  })
  if (!result.applied) throw new ConflictError('Kasus sudah ditutup.')
  countMetric('CasesClosed', { dimensions: { outcome: 'WITHDRAWN' } })
  const task = record.currentTaskId ? await getTask(record.currentTaskId) : undefined
  if (task?.status === 'OPEN') {
    const cancelled = await closeTask(
      task,
      'CANCELLED',
      { at },
      { action: 'TASK_CANCELLED', actor, correlationId },
    )
    await resumeWait(cancelled.task.token, task.taskId)
  }
  return result.record
}
