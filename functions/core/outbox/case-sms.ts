/**
 * The SMS a resident gets about their case (issue 19 item 3, ADR 0028): the receipt with
 * the reference and access code when the case leaves IDENTIFICATION (as the emailed
 * receipt, ADR 0020), one at each later stage change, one with the outcome. Each is one
 * GSM-7 segment: the status page address is added only where it still fits. Never a name,
 * NIK, address or the category (it may be sensitive): the reference and the stage only.
 */
import type { CaseRecord } from '../case/case-record'
import { CASE_OUTCOME_LABELS, type CaseOutcome, type CaseStatus } from '../catalog/case-statuses'
import { type MailDraft, mailIdOf } from './outbox-mail'
import { fitsOneSegment, phoneE164 } from './sms-text'

export type CaseSmsEvent =
  | { kind: 'received'; accessCode: string }
  | { kind: 'stage'; status: Exclude<CaseStatus, 'IDENTIFICATION' | 'CLOSED'> }
  | { kind: 'closed'; outcome: CaseOutcome }

const STAGE_TEXT: Record<Extract<CaseSmsEvent, { kind: 'stage' }>['status'], string> = {
  ASSESSMENT: 'tahap Asesmen: petugas TKSK akan menghubungi Anda.',
  RECOMMENDATION: 'tahap Rekomendasi: menunggu persetujuan Dinas Sosial.',
  REFERRAL: 'tahap Rujukan: penyedia layanan akan menghubungi Anda.',
}

/** The anti-fraud line every notice ends with, as the confirmation page says it. */
const FREE = 'Layanan ini gratis.'

const bodyOf = (reference: string, event: CaseSmsEvent): string => {
  switch (event.kind) {
    case 'received':
      return `Dinsos: permohonan ${reference} diterima. Kode akses ${event.accessCode}, jangan beri ke siapa pun. ${FREE}`
    case 'stage':
      return `Dinsos: permohonan ${reference} ${STAGE_TEXT[event.status]} ${FREE}`
    case 'closed':
      return `Dinsos: permohonan ${reference} selesai: ${CASE_OUTCOME_LABELS[event.outcome]}.`
  }
}

/**
 * The text of `event`, with the status page address when the whole still fits one
 * segment (a long public address is left out rather than making two segments).
 */
export const composeCaseSms = (reference: string, event: CaseSmsEvent, statusUrl: string): string => {
  const body = bodyOf(reference, event)
  const withLink = `${body} Cek: ${statusUrl}`
  return fitsOneSegment(withLink) ? withLink : body
}

type SmsCase = Pick<
  CaseRecord,
  'caseId' | 'reference' | 'status' | 'kecamatan' | 'accessCode' | 'history'
> & {
  applicant: Pick<CaseRecord['applicant'], 'phone'>
  smsOptOut?: CaseRecord['smsOptOut']
}

/** What a change of `record` to `next` tells the resident, in order. */
export const caseSmsEvents = (
  record: Pick<CaseRecord, 'status' | 'accessCode'>,
  next: { status?: CaseStatus; outcome?: CaseOutcome },
): CaseSmsEvent[] => {
  if (!next.status || next.status === record.status) return []
  const events: CaseSmsEvent[] = []
  const leavingIntake = record.status === 'IDENTIFICATION'
  if (leavingIntake && record.accessCode) events.push({ kind: 'received', accessCode: record.accessCode })
  if (next.status === 'CLOSED') {
    if (next.outcome) events.push({ kind: 'closed', outcome: next.outcome })
  } else if (next.status !== 'IDENTIFICATION' && !leavingIntake) {
    // Leaving intake for Asesmen, the receipt says enough: one SMS, not two.
    events.push({ kind: 'stage', status: next.status })
  }
  return events
}

/**
 * The outbox drafts of the SMS a change of `record` to `next` causes: none without a
 * phone or after an opt-out. Ids derive from the case and the history entry the change
 * writes, so a replayed step writes the same items while a case that returns to a stage
 * (Rekomendasi refused, back to Asesmen) is told again.
 */
export const caseSmsDrafts = (
  record: SmsCase,
  next: { status?: CaseStatus; outcome?: CaseOutcome },
  statusUrl: string,
): MailDraft[] => {
  const phone = record.applicant.phone
  if (!phone || record.smsOptOut) return []
  const entry = record.history.length
  return caseSmsEvents(record, next).map((event) => ({
    mailId: mailIdOf(`case:${record.caseId}`, `sms:${entry}:${event.kind}`),
    channel: 'sms',
    to: phoneE164(phone),
    // What a Dinsos list of failed notices shows: the kind, never the text (it holds the code).
    subject: `SMS ${record.reference}: ${event.kind === 'stage' ? event.status : event.kind}`,
    text: composeCaseSms(record.reference, event, statusUrl),
    html: '',
    area: record.kecamatan,
  }))
}
