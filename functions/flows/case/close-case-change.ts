/**
 * The change that closes a case (DESIGN §3.6), shared by the workflow's Close step and by a
 * withdrawal: the outcome, the open-case marker released, the retention schedule written,
 * and the resident's notice put in the outbox (ADR 0018, 0020), all in the one
 * transaction that sets CLOSED.
 */
import { closableFrom } from '../../core/case/case-transitions'
import type { CaseRecord } from '../../core/case/case-record'
import { type MailDraft, mailDraft } from '../../core/outbox/outbox-mail'
import { releaseOpenMarker } from '../../data/case-repository'
import { mailPut } from '../../data/outbox-repository'
import { retentionSchedulePutItem } from '../../data/retention-repository'
import { composeCaseClosedMail } from '../../mail/case-closed-mail'
import { env } from '../../shared/env'
import { intakeReceipt } from './intake-receipt'

/** The resident's notice of the outcome, when they gave an address. */
const residentNotice = (record: CaseRecord, outcome: NonNullable<CaseRecord['outcome']>): MailDraft[] => {
  const email = record.applicant.email
  if (!email) return []
  const statusUrl = `${env.publicBaseUrl()}/status?reference=${record.reference}`
  return [
    mailDraft(composeCaseClosedMail(record, email, outcome, statusUrl), {
      owner: `case:${record.caseId}`,
      purpose: 'closed',
      area: record.kecamatan,
    }),
  ]
}

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
    ...[...intakeReceipt(record), ...residentNotice(record, outcome)].map((mail) => mailPut(mail, at)),
  ],
})
