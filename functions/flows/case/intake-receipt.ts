/**
 * The resident's receipt with the access code (DESIGN v3 §4), once per case under a fixed
 * outbox id. It leaves IDENTIFICATION with the case (ADR 0020): in the transaction that
 * hands the case to its TKSK, or in the one that closes it from there (INVALID,
 * DUPLICATE, a withdrawal), so a resident whose request closes at once can still look up why.
 */
import type { CaseRecord } from '../../core/case/case-record'
import { type MailDraft, mailDraft } from '../../core/outbox/outbox-mail'
import { composeIntakeReceiptMail } from '../../mail/intake-receipt-mail'
import { env } from '../../shared/env'

export const intakeReceipt = (record: CaseRecord): MailDraft[] => {
  if (record.status !== 'IDENTIFICATION') return []
  const mail = composeIntakeReceiptMail(record, env.publicBaseUrl())
  return mail
    ? [mailDraft(mail, { owner: `case:${record.caseId}`, purpose: 'received', area: record.kecamatan })]
    : []
}
