/**
 * The emails of a verval batch (DESIGN §4: the batch id in subject and body): the
 * approval request with the summary by desa and a link of the recipient's own, its
 * reminders and escalation, and the notices of the outcome. Never a NIK.
 */
import { formatLocalTime } from '../core/calendar/local-time'
import type { Person } from '../core/case/case-record'
import { VERVAL_PROGRAM_LABELS } from '../core/catalog/verval-programs'
import type { BatchRecord } from '../core/verval/batch-record'
import { html } from '../web/html'
import type { Mail } from './mail'

export type ApprovalMailKind = 'ASK' | 'REMINDER' | 'ESCALATION'

const LEADS: Record<ApprovalMailKind, string> = {
  ASK: 'Verval KPM berikut menunggu persetujuan Anda.',
  REMINDER: 'Pengingat: verval KPM berikut belum diputuskan.',
  ESCALATION:
    'Eskalasi: verval KPM berikut melewati batas waktu persetujuan dan kini juga ditujukan kepada Anda.',
}

/** An area code as the reader knows it (`placeLabel`): desa and kecamatan by name. */
export type PlaceName = (code: string) => string

const summaryLines = (batch: BatchRecord, placeName: PlaceName): string[] => {
  const s = batch.summary
  if (!s) return []
  return [
    `Ringkasan: ${s.added} baru, ${s.updated} diubah, ${s.removed} dihapus, ${s.unchanged} tetap.`,
    'Per desa/kelurahan:',
    ...Object.entries(s.byDesa)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(
        ([desa, c]) =>
          `- ${placeName(desa)}: ${c.added} baru, ${c.updated} diubah, ${c.removed} dihapus, ${c.unchanged} tetap`,
      ),
  ]
}

const title = (batch: BatchRecord, placeName: PlaceName) =>
  `Verval ${batch.program} ${placeName(batch.kecamatan)} periode ${batch.period}`

/** The approval request (or its reminder or escalation) carrying the recipient's own link `url`. */
export const composeApprovalMail = (
  batch: BatchRecord,
  recipient: Person,
  kind: ApprovalMailKind,
  url: string,
  dueAt: string,
  placeName: PlaceName,
): Mail => {
  const lines = [
    `Yth. ${recipient.name},`,
    '',
    LEADS[kind],
    '',
    `Batch: ${batch.batchId}`,
    `${title(batch, placeName)} — ${VERVAL_PROGRAM_LABELS[batch.program]}`,
    `Jumlah baris: ${batch.rows}`,
    ...summaryLines(batch, placeName),
    `Batas waktu: ${formatLocalTime(dueAt, batch.kecamatan)}`,
    '',
    'Buka tautan berikut untuk menyetujui atau menolak (tautan ini khusus untuk Anda, jangan diteruskan):',
    url,
    '',
    'Dinas Sosial — tksk-flow',
  ]
  return {
    to: recipient.email,
    subject: `[${batch.batchId}] ${kind === 'ASK' ? 'Persetujuan' : kind === 'REMINDER' ? 'Pengingat' : 'Eskalasi'}: ${title(batch, placeName)}`,
    text: lines.join('\n'),
    html: html`<pre>${lines.slice(0, -4).join('\n')}</pre>
      <p><a href="${url}">Buka persetujuan verval</a> (tautan ini khusus untuk Anda, jangan diteruskan).</p>`
      .value,
  }
}

/** A plain notice about a batch (outcome, moves): no link. */
export const composeBatchNotice = (batch: BatchRecord, to: Person, subject: string, body: string[]): Mail => {
  const text = [
    `Yth. ${to.name},`,
    '',
    ...body,
    '',
    `Batch: ${batch.batchId}`,
    '',
    'Dinas Sosial — tksk-flow',
  ].join('\n')
  return {
    to: to.email,
    subject: `[${batch.batchId}] ${subject}`,
    text,
    html: html`<pre>${text}</pre>`.value,
  }
}
