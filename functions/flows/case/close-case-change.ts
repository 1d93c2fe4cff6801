/**
 * The change that closes a case (DESIGN §3.6), shared by the workflow's Close step and by a
 * withdrawal: the outcome, the open-case marker released, the retention schedule written,
 * all in the one transaction that sets CLOSED.
 */
import { closableFrom } from '../../core/case/case-transitions'
import type { CaseRecord } from '../../core/case/case-record'
import { releaseOpenMarker } from '../../data/case-repository'
import { retentionSchedulePutItem } from '../../data/retention-repository'

export const closeCaseChange = (
  record: CaseRecord,
  outcome: NonNullable<CaseRecord['outcome']>,
  reason: string | undefined,
  at: string,
) => ({
  from: closableFrom(outcome),
  stepKey: 'close',
  status: 'CLOSED' as const,
  set: { outcome, closedAt: at, ...(reason ? { outcomeReason: reason } : {}) },
  remove: ['currentTaskId'] as const,
  // The retention schedule item (ADR 0006) is written with the closing, so no closed case escapes the job.
  alongWith: [
    ...(record.duplicateOf ? [] : releaseOpenMarker(record)),
    retentionSchedulePutItem(record.caseId, at),
  ],
})
