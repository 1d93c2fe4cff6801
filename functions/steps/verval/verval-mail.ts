/**
 * Queues the emails of a verval batch (their text is functions/mail/verval-mail.ts) in the
 * outbox under an id fixed by batch and purpose (ADR 0018): a replayed step writes nothing
 * new, and a step that stopped before writing one writes it when it is resumed.
 */
import type { Person } from '../../core/case/case-record'
import { LINK_PLACEHOLDER, mailDraft } from '../../core/outbox/outbox-mail'
import type { BatchRecord } from '../../core/verval/batch-record'
import { storedSubject } from '../../data/link-repository'
import { enqueueMails } from '../../data/outbox-repository'
import { type ApprovalMailKind, composeApprovalMail, composeBatchNotice } from '../../mail/verval-mail'
import { nowIso } from '../../shared/clock'
import { placeLabel } from '../../core/areas/place-label'
import { loadAreaIndex } from '../../data/area-source'

/** Queues one approval mail with its own link (issued when it is sent), once per `purpose`. */
export const mailApprovalLink = async (
  batch: BatchRecord,
  recipient: Person,
  kind: ApprovalMailKind,
  purpose: string,
  finalAt: string,
  dueAt: string,
): Promise<void> => {
  const draft = mailDraft(
    composeApprovalMail(batch, recipient, kind, LINK_PLACEHOLDER, dueAt, (code) =>
      placeLabel(loadAreaIndex(), code),
    ),
    {
      owner: `batch:${batch.batchId}`,
      purpose,
      area: batch.kecamatan,
      recipientId: recipient.id,
      link: {
        path: '/verval/keputusan',
        taskId: storedSubject({ kind: 'batchApproval', batchId: batch.batchId }),
        recipient,
        expiresAtIso: finalAt,
      },
    },
  )
  await enqueueMails([draft], nowIso())
}

/** Queues a plain notice (outcome, moves), once per `purpose`. */
export const mailNotice = async (
  batch: BatchRecord,
  to: Person,
  purpose: string,
  subject: string,
  body: string[],
): Promise<void> => {
  const draft = mailDraft(composeBatchNotice(batch, to, subject, body), {
    owner: `batch:${batch.batchId}`,
    purpose,
    area: batch.kecamatan,
    recipientId: to.id,
  })
  await enqueueMails([draft], nowIso())
}
