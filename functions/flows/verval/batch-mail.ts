/**
 * The outbox drafts of a verval batch's emails (their text is functions/mail/verval-mail.ts)
 * under ids fixed by batch and purpose (ADR 0018, 0020). Each is put in the transaction of
 * the batch change that causes it (opening or settling the approval, the decision, the
 * apply, the failure): the change failing its condition writes no mail, and a replayed
 * step, whose change is already made, writes none either.
 */
import { placeLabel } from '../../core/areas/place-label'
import type { Person } from '../../core/case/case-record'
import { LINK_PLACEHOLDER, type MailDraft, mailDraft } from '../../core/outbox/outbox-mail'
import type { BatchRecord } from '../../core/verval/batch-record'
import { loadAreaIndex } from '../../data/area-source'
import { storedSubject } from '../../data/link-repository'
import { type ApprovalMailKind, composeApprovalMail, composeBatchNotice } from '../../mail/verval-mail'
import { tkskFor } from '../case/routing'

/** An area as a verval mail names it (`Kec. Leuwiliang`; a code the index lacks stays a code). */
export const batchPlaceName = (code: string): string => placeLabel(loadAreaIndex(), code)

/** One approval mail with its own link (issued when it is sent), once per `purpose`. */
export const approvalLinkDraft = (
  batch: BatchRecord,
  recipient: Person,
  kind: ApprovalMailKind,
  purpose: string,
  approval: { finalAt: string; dueAt: string },
): MailDraft =>
  mailDraft(composeApprovalMail(batch, recipient, kind, LINK_PLACEHOLDER, approval.dueAt, batchPlaceName), {
    owner: `batch:${batch.batchId}`,
    purpose,
    area: batch.kecamatan,
    recipientId: recipient.id,
    link: {
      path: '/verval/keputusan',
      taskId: storedSubject({ kind: 'batchApproval', batchId: batch.batchId }),
      recipient,
      expiresAtIso: approval.finalAt,
    },
  })

/** A plain notice (outcome, moves), once per `purpose`. */
export const noticeDraft = (
  batch: BatchRecord,
  to: Person,
  purpose: string,
  subject: string,
  body: string[],
): MailDraft =>
  mailDraft(composeBatchNotice(batch, to, subject, body), {
    owner: `batch:${batch.batchId}`,
    purpose,
    area: batch.kecamatan,
    recipientId: to.id,
  })

/** The TKSK's notice of a rejection (by a decider or by the approval's deadline), with its reason. */
export const rejectionDraft = async (batch: BatchRecord, reason: string | undefined): Promise<MailDraft> =>
  noticeDraft(
    batch,
    await tkskFor(batch.kecamatan),
    'rejected',
    `Verval ditolak: ${batch.program} ${batch.period}`,
    [
      `Verval ${batch.program} periode ${batch.period} ditolak.`,
      `Alasan: ${reason ?? '-'}`,
      'Silakan perbaiki dan unggah kembali.',
    ],
  )
