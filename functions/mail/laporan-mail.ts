/**
 * The emails of a laporan bulanan (issue 16 item 5, ADR 0039): to Dinsos when it is sent
 * and when its due date passed unsent; to the TKSK when it is returned (with Dinsos'
 * note), acknowledged, and one hari kerja before it is due. Subject and body name the
 * kecamatan and month; no person, no category, no narrative.
 */
import { formatLocalTime } from '../core/calendar/local-time'
import type { Person } from '../core/case/case-record'
import type { LaporanRecord } from '../core/laporan/laporan-record'
import { html } from '../web/html'
import type { Mail } from './mail'

export type LaporanMailKind = 'SUBMITTED' | 'RETURNED' | 'ACKNOWLEDGED' | 'REMINDER' | 'ESCALATION'

const SUBJECTS: Record<LaporanMailKind, string> = {
  SUBMITTED: 'Laporan bulanan dikirim',
  RETURNED: 'Laporan bulanan dikembalikan',
  ACKNOWLEDGED: 'Laporan bulanan diterima',
  REMINDER: 'Pengingat: laporan bulanan segera jatuh tempo',
  ESCALATION: 'Eskalasi: laporan bulanan belum dikirim',
}

const LEADS: Record<LaporanMailKind, string> = {
  SUBMITTED: 'TKSK telah mengirim laporan bulanan berikut. Mohon diperiksa, lalu diterima atau dikembalikan.',
  RETURNED: 'Dinas Sosial mengembalikan laporan bulanan berikut untuk diperbaiki.',
  ACKNOWLEDGED: 'Dinas Sosial telah menerima laporan bulanan berikut.',
  REMINDER: 'Laporan bulanan berikut belum dikirim dan jatuh tempo pada hari kerja berikutnya.',
  ESCALATION: 'Laporan bulanan berikut melewati batas waktu dan belum dikirim oleh TKSK.',
}

export const composeLaporanMail = (
  record: LaporanRecord,
  recipient: Person,
  kind: LaporanMailKind,
  context: { placeName: string; monthLabel: string; url: string },
): Mail => {
  const title = `${context.placeName} — ${context.monthLabel}`
  const lines = [
    `Yth. ${recipient.name},`,
    '',
    LEADS[kind],
    '',
    `Laporan: ${title}`,
    `Batas waktu: ${formatLocalTime(record.dueAt, record.kecamatan)}`,
    ...(kind === 'RETURNED' && record.returnNote ? ['', `Catatan Dinas Sosial: ${record.returnNote}`] : []),
    '',
    `Buka laporan: ${context.url}`,
    '',
    'Dinas Sosial — tksk-flow',
  ]
  return {
    to: recipient.email,
    subject: `[Laporan ${record.kecamatan} ${record.month}] ${SUBJECTS[kind]}: ${title}`,
    text: lines.join('\n'),
    html: html`<pre>${lines.slice(0, -4).join('\n')}</pre>
      <p><a href="${context.url}">Buka laporan</a></p>`.value,
  }
}
