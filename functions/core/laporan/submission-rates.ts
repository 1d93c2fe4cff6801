/**
 * Where each kecamatan's laporan of a month stands, for the Dinsos dashboard and the
 * province's roll-up (issue 16 item 5): every kecamatan listed, a missing report
 * included, with whether it is late; and the rates over them.
 */
import { isLate, type LaporanRecord, type LaporanStatus } from './laporan-record'

export interface SubmissionRow {
  kecamatan: string
  status: LaporanStatus | 'MISSING'
  late: boolean
  dueAt?: string
  submittedAt?: string
}

export interface SubmissionRates {
  kecamatan: number
  submitted: number
  acknowledged: number
  late: number
  missing: number
}

/**
 * `dueAt` is the month's due instant for a kecamatan without a record (a missing report
 * is late once it passed); the records' own due dates rule theirs.
 */
export const submissionRows = (
  kecamatanCodes: readonly string[],
  records: readonly LaporanRecord[],
  dueAtOf: (kecamatan: string) => string,
  now: Date,
): SubmissionRow[] => {
  const byKecamatan = new Map(records.map((r) => [r.kecamatan, r]))
  return kecamatanCodes.map((kecamatan) => {
    const record = byKecamatan.get(kecamatan)
    if (!record) {
      const dueAt = dueAtOf(kecamatan)
      return { kecamatan, status: 'MISSING', late: now.toISOString() > dueAt, dueAt }
    }
    return {
      kecamatan,
      status: record.status,
      late: isLate(record, now),
      dueAt: record.dueAt,
      ...(record.submittedAt ? { submittedAt: record.submittedAt } : {}),
    }
  })
}

export const submissionRates = (rows: readonly SubmissionRow[]): SubmissionRates => ({
  kecamatan: rows.length,
  submitted: rows.filter((r) => r.status === 'SUBMITTED' || r.status === 'ACKNOWLEDGED').length,
  acknowledged: rows.filter((r) => r.status === 'ACKNOWLEDGED').length,
  late: rows.filter((r) => r.late).length,
  missing: rows.filter((r) => r.status === 'MISSING').length,
})
