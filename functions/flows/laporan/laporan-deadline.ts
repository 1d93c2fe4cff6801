/**
 * What the laporan's deadline workflow does at its two moments (ADR 0039): one hari kerja
 * before the due date the TKSK is reminded, at the due date Dinsos is told, each only
 * while the report is still with the TKSK, and each once: the mark (`remindedAt`,
 * `escalatedAt`) is written with its audit entry and mail in one transaction, so a
 * replayed step finds it set and sends nothing.
 */
import type { Person } from '../../core/case/case-record'
import { isOpenForTksk, type LaporanRecord } from '../../core/laporan/laporan-record'
import type { AuditActor } from '../../core/audit/audit-entry'
import { getLaporan, LaporanWriteRefused, writeLaporan } from '../../data/laporan-repository'
import { approverFor, tkskFor } from '../case/routing'
import { laporanMailDraft } from './laporan-mail'

/** Who the deadline workflow's audit entries name. */
export const SYSTEM: AuditActor = { id: 'tksk-flow', role: 'system' }
const ATTEMPTS = 3

export type DeadlineOutcome = 'SENT' | 'NOT_NEEDED'

interface Moment {
  mark: 'remindedAt' | 'escalatedAt'
  action: 'LAPORAN_REMINDED' | 'LAPORAN_ESCALATED'
  kind: 'REMINDER' | 'ESCALATION'
  recipient: (record: LaporanRecord) => Promise<Person>
  /** Whether the moment still has something to say at `now`. */
  due: (record: LaporanRecord, now: Date) => boolean
}

const REMINDER: Moment = {
  mark: 'remindedAt',
  action: 'LAPORAN_REMINDED',
  kind: 'REMINDER',
  recipient: (record) => tkskFor(record.kecamatan),
  // A report opened after its due date gets no "due tomorrow": the escalation follows at once.
  due: (record, now) => now.toISOString() <= record.dueAt,
}

const ESCALATION: Moment = {
  mark: 'escalatedAt',
  action: 'LAPORAN_ESCALATED',
  kind: 'ESCALATION',
  recipient: (record) => approverFor(record.kecamatan),
  due: () => true,
}

const act = async (
  moment: Moment,
  report: { kecamatan: string; month: string; correlationId: string },
  now: Date,
): Promise<DeadlineOutcome> => {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const record = await getLaporan(report.kecamatan, report.month)
    if (!record || record[moment.mark] || !isOpenForTksk(record.status) || !moment.due(record, now))
      return 'NOT_NEEDED'
    const next: LaporanRecord = {
      ...record,
      [moment.mark]: now.toISOString(),
      updatedAt: now.toISOString(),
      version: record.version + 1,
    }
    try {
      await writeLaporan(record, next, {
        action: moment.action,
        actor: SYSTEM,
        correlationId: report.correlationId,
        at: now,
        mails: [laporanMailDraft(next, await moment.recipient(next), moment.kind, moment.kind)],
      })
      return 'SENT'
    } catch (error) {
      // The TKSK changed the report meanwhile (or a replay marked it): read it again.
      if (!(error instanceof LaporanWriteRefused)) throw error
    }
  }
  throw new Error(`laporan ${report.kecamatan} ${report.month} kept changing during its ${moment.kind}`)
}

export const remindLaporan = (
  report: { kecamatan: string; month: string; correlationId: string },
  now: Date,
) => act(REMINDER, report, now)

export const escalateLaporan = (
  report: { kecamatan: string; month: string; correlationId: string },
  now: Date,
) => act(ESCALATION, report, now)
