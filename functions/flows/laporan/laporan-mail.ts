/**
 * The outbox drafts of a laporan's emails (text in functions/mail/laporan-mail.ts), under
 * ids fixed by the report, the purpose and the recipient (ADR 0018): a replayed step or
 * a repeated click writes no second mail.
 */
import { placeLabel } from '../../core/areas/place-label'
import type { Person } from '../../core/case/case-record'
import type { LaporanRecord } from '../../core/laporan/laporan-record'
import { type MailDraft, mailDraft } from '../../core/outbox/outbox-mail'
import { loadAreaIndex } from '../../data/area-source'
import { type LaporanMailKind, composeLaporanMail } from '../../mail/laporan-mail'
import { env } from '../../shared/env'
import { LAPORAN_PATH } from '../../web/laporan-page'
import { monthLabel } from '../../web/report-parts'

/** The page with the laporan's forms (write, send, accept, return), not the figures page. */
export const laporanPageUrl = (record: Pick<LaporanRecord, 'kecamatan' | 'month'>): string =>
  `${env.publicBaseUrl()}${LAPORAN_PATH}?${new URLSearchParams({ area: record.kecamatan, month: record.month })}`

/**
 * One mail about the report to `recipient`. `round` tells apart the mails of the same kind
 * a report can cause more than once (a second submission after a return).
 */
export const laporanMailDraft = (
  record: LaporanRecord,
  recipient: Person,
  kind: LaporanMailKind,
  round: string | number = record.version,
): MailDraft =>
  mailDraft(
    composeLaporanMail(record, recipient, kind, {
      placeName: placeLabel(loadAreaIndex(), record.kecamatan),
      monthLabel: monthLabel(record.month),
      url: laporanPageUrl(record),
    }),
    {
      owner: `laporan:${record.laporanId}`,
      purpose: `${kind}:${round}:${recipient.id}`,
      area: record.kecamatan,
      recipientId: recipient.id,
    },
  )
