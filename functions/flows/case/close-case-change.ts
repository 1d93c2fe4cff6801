/**
 * The change that closes a case (DESIGN §3.6), shared by the workflow's Close step and by a
 * withdrawal: the outcome, the open-case marker released, the retention schedule written,
 * the tasks the workflow does not wait on cancelled (the adminduk referral, ADR 0027), and
 * the resident's notice put in the outbox (ADR 0018, 0020), all in the one transaction
 * that sets CLOSED.
 */
import type { JsonValue } from '../../core/audit/audit-entry'
import { needsAdminduk } from '../../core/case/filer'
import { closableFrom } from '../../core/case/case-transitions'
import { closingStepKey } from '../../core/case/follow-up'
import type { CaseRecord } from '../../core/case/case-record'
import { statusPageUrl } from '../../core/case/status-url'
import type { TaskRecord } from '../../core/case/task-record'
import { type MailDraft, mailDraft } from '../../core/outbox/outbox-mail'
import { type CaseChange, changeCase, type ChangeResult } from '../../data/case-change'
import { getCase } from '../../data/case-repository'
import { releaseOpenMarker } from '../../data/open-case-marker'
import { cancelTaskItems } from '../../data/task-closing'
import { getTaskOfStep } from '../../data/task-repository'
import { mailPut } from '../../data/outbox-repository'
import { retentionSchedulePutItem } from '../../data/retention-repository'
import { openTaskStepKey } from '../../data/keys'
import { composeCaseClosedMail } from '../../mail/case-closed-mail'
import { env } from '../../shared/env'
import { intakeReceipt } from './intake-receipt'

/** The resident's notice of the outcome, when they gave an address. */
const residentNotice = (record: CaseRecord, outcome: NonNullable<CaseRecord['outcome']>): MailDraft[] => {
  const email = record.applicant.email
  if (!email) return []
  const statusUrl = statusPageUrl(env.publicBaseUrl(), record.reference)
  const closing = closingStepKey(record)
  return [
    mailDraft(composeCaseClosedMail(record, email, outcome, statusUrl), {
      owner: `case:${record.caseId}`,
      // One notice per closing: a case reopened for another service closes again (ADR 0037).
      purpose: closing === 'close' ? 'closed' : `closed:${closing}`,
      area: record.kecamatan,
    }),
  ]
}

/** The step that opens the adminduk referral, once per case (steps/case/open-task.ts `openAdminduk`). */
const ADMINDUK_STEP_KEY = openTaskStepKey('ADMINDUK_REFERRAL', 1)

/**
 * The open tasks the workflow does not wait on: only the adminduk referral. The workflow
 * cancels its awaited task itself; this one would otherwise stay open on a closed case and
 * answer 410 to the desa deciding it.
 */
export const openSideTasks = async (record: CaseRecord): Promise<TaskRecord[]> => {
  // Only a case without NIK opens the referral (steps/case/identify.ts): no read for the others.
  if (!needsAdminduk(record.identityStatus)) return []
  const task = await getTaskOfStep(record.caseId, ADMINDUK_STEP_KEY)
  return task?.status === 'OPEN' ? [task] : []
}

export const closeCaseChange = (
  record: CaseRecord,
  outcome: NonNullable<CaseRecord['outcome']>,
  reason: string | undefined,
  at: string,
  sideTasks: readonly TaskRecord[] = [],
) => ({
  from: closableFrom(outcome),
  stepKey: closingStepKey(record),
  status: 'CLOSED' as const,
  set: { outcome, closedAt: at, ...(reason ? { outcomeReason: reason } : {}) },
  remove: ['currentTaskId'] as const,
  // The retention schedule item (ADR 0006) is written with the closing, so no closed case escapes the job.
  alongWith: [
    ...(record.duplicateOf ? [] : releaseOpenMarker(record)),
    retentionSchedulePutItem(record.caseId, at),
    ...sideTasks.flatMap((task) => cancelTaskItems(task, at)),
    ...[...intakeReceipt(record), ...residentNotice(record, outcome)].map((mail) => mailPut(mail, at)),
  ],
})

/** A closing's audit note; its `after` gains the cancelled side tasks. */
interface ClosingAudit {
  action: string
  actor: CaseChange['audit']['actor']
  after: Record<string, JsonValue>
  correlationId: string
}

/** Tries of a closing whose case or side task changed under it: read again, once or twice. */
const CLOSING_TRIES = 3

/** What the closing is built from; a change of either between the read and the write cancels it. */
const closingBasis = (record: CaseRecord, sideTasks: readonly TaskRecord[]) =>
  JSON.stringify([
    record.status,
    record.updatedAt,
    [...(record.steps ?? [])].sort(),
    sideTasks.map((t) => t.taskId),
  ])

/**
 * Closes the case with its side tasks cancelled in the same transaction, audited on the
 * closing entry (`cancelledTasks`). The case and its side tasks may change between the
 * read and the write (a side task decided, Identify handing the case on and sending the
 * receipt a withdrawal would otherwise send again): the transaction is then cancelled,
 * and the closing is built again from a fresh read of both, so the case still closes.
 */
export const closeCase = async (
  record: CaseRecord,
  closing: {
    outcome: NonNullable<CaseRecord['outcome']>
    reason: string | undefined
    at: string
    audit: ClosingAudit
    from?: CaseChange['from']
  },
): Promise<ChangeResult> => {
  let current = record
  for (let attempt = 1; ; attempt += 1) {
    const sideTasks = await openSideTasks(current)
    const cancelled = sideTasks.map((task) => task.taskId)
    try {
      return await changeCase(
        current,
        {
          ...closeCaseChange(current, closing.outcome, closing.reason, closing.at, sideTasks),
          ...(closing.from ? { from: closing.from } : {}),
          audit: {
            ...closing.audit,
            after: { ...closing.audit.after, ...(cancelled.length ? { cancelledTasks: cancelled } : {}) },
          },
        },
        closing.at,
      )
    } catch (error) {
      const fresh = await getCase(record.caseId)
      if (attempt >= CLOSING_TRIES || !fresh) throw error
      const changed = closingBasis(fresh, await openSideTasks(fresh)) !== closingBasis(current, sideTasks)
      if (!changed) throw error
      current = fresh
    }
  }
}
