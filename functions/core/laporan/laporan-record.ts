/**
 * The laporan bulanan that travels (issue 16 item 5, ADR 0039): one record per kecamatan
 * and month holding what the TKSK writes (the narrative) and where the report is on its
 * way to Dinsos. The figures are not stored: they are computed from the cases, batches,
 * kegiatan and PPKS whenever the report is read, so they never drift from their sources.
 *
 * DRAFT → SUBMITTED → ACKNOWLEDGED, or SUBMITTED → RETURNED (with Dinsos' note) → SUBMITTED.
 */
import type { Attention } from '../attention/attention'

export const LAPORAN_STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'ACKNOWLEDGED'] as const
export type LaporanStatus = (typeof LAPORAN_STATUSES)[number]

export const LAPORAN_STATUS_LABELS: Readonly<Record<LaporanStatus | 'MISSING', string>> = {
  DRAFT: 'Draf',
  SUBMITTED: 'Dikirim',
  RETURNED: 'Dikembalikan',
  ACKNOWLEDGED: 'Diterima',
  MISSING: 'Belum dibuat',
}

export interface LaporanNarrative {
  /** Masalah: the problems met in the month. */
  masalah: string
  /** Tindak lanjut: what the TKSK did or proposes about them. */
  tindakLanjut: string
}

export interface LaporanRecord {
  /** `<kecamatan>_<YYYY-MM>`: one report per kecamatan and month, and its workflow's execution name. */
  laporanId: string
  kecamatan: string
  kabupaten: string
  month: string
  status: LaporanStatus
  narrative: LaporanNarrative
  /** End of the 5th hari kerja of the next month (the kecamatan's zone and calendar). */
  dueAt: string
  /** One hari kerja before `dueAt`: the TKSK's reminder. */
  remindAt: string
  openedBy: string
  createdAt: string
  updatedAt: string
  submittedAt?: string
  submittedBy?: string
  /** Dinsos' note of the last return. */
  returnNote?: string
  returnedAt?: string
  returnedBy?: string
  acknowledgedAt?: string
  acknowledgedBy?: string
  /** Set once by the workflow when it reminded the TKSK. */
  remindedAt?: string
  /** Set once by the workflow when the due date passed before a submission (escalated to Dinsos). */
  escalatedAt?: string
  workflowStartedAt?: string
  /** Its deadline workflow halted on a failed step (ADR 0040); kept over every move (not versioned). */
  attention?: Attention
  version: number
}

export const laporanIdOf = (kecamatan: string, month: string): string => `${kecamatan}_${month}`

/** The kecamatan and month of a report's id (what `laporanIdOf` joined). */
export const laporanIdParts = (laporanId: string): { kecamatan: string; month: string } => {
  const cut = laporanId.lastIndexOf('_')
  return { kecamatan: laporanId.slice(0, cut), month: laporanId.slice(cut + 1) }
}

/** Whether the TKSK may still write the narrative and submit. */
export const isOpenForTksk = (status: LaporanStatus): boolean => status === 'DRAFT' || status === 'RETURNED'

/** Whether the report is in Dinsos' hands (sent, or already taken). */
export const isSubmitted = (status: LaporanStatus): boolean =>
  status === 'SUBMITTED' || status === 'ACKNOWLEDGED'

/** Late: sent after its due date, or not sent and the due date has passed. */
export const isLate = (
  record: Pick<LaporanRecord, 'dueAt' | 'submittedAt' | 'status'>,
  now: Date,
): boolean =>
  record.submittedAt && isSubmitted(record.status)
    ? record.submittedAt > record.dueAt
    : now.toISOString() > record.dueAt

/** What the append-only audit entry keeps: the state without the free text, which is about people. */
export const laporanAuditView = (record: LaporanRecord) => ({
  laporanId: record.laporanId,
  kecamatan: record.kecamatan,
  month: record.month,
  status: record.status,
  dueAt: record.dueAt,
  version: record.version,
})
