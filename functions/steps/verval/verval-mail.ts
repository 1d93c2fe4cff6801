/**
 * Sends the emails of a verval batch (their text is functions/mail/verval-mail.ts), each at
 * most once per `purpose`: a replayed step finds the purpose claimed and sends nothing.
 */
import type { Person } from '../../core/case/case-record'
import type { BatchRecord } from '../../core/verval/batch-record'
import { storedSubject } from '../../data/link-repository'
import { issueLink } from '../../flows/case/issue-link'
import { sendMail } from '../../flows/case/send-mail'
import { claimBatchMail } from '../../data/batch-approval'
import { type ApprovalMailKind, composeApprovalMail, composeBatchNotice } from '../../mail/verval-mail'
import { nowIso } from '../../shared/clock'

/** Sends one approval mail with its own link, at most once per `purpose`. */
export const mailApprovalLink = async (
  batch: BatchRecord,
  recipient: Person,
  kind: ApprovalMailKind,
  purpose: string,
  finalAt: string,
  dueAt: string,
): Promise<void> => {
  const at = nowIso()
  if (!(await claimBatchMail(batch.batchId, purpose, at))) return
  const url = await issueLink({
    path: '/verval/keputusan',
    taskId: storedSubject({ kind: 'batchApproval', batchId: batch.batchId }),
    recipient,
    expiresAtIso: finalAt,
    at,
  })
  await sendMail(composeApprovalMail(batch, recipient, kind, url, dueAt))
}

/** A plain notice (outcome, moves), at most once per `purpose`. */
export const mailNotice = async (
  batch: BatchRecord,
  to: Person,
  purpose: string,
  subject: string,
  body: string[],
): Promise<void> => {
  if (!(await claimBatchMail(batch.batchId, purpose, nowIso()))) return
  await sendMail(composeBatchNotice(batch, to, subject, body))
}
