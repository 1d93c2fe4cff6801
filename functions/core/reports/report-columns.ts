/**
 * The columns of the laporan bulanan, declared once for the page's tables and the CSV,
 * so the printed report and the file always say the same.
 */
import {
  CASE_OUTCOME_LABELS,
  CASE_OUTCOMES,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
} from '../catalog/case-statuses'
import { CASE_KIND_LABELS, CASE_KINDS } from '../case/case-kind'
import { KIND_ROWS } from './kind-counts'
import type { ReportFigures } from './monthly-report'

export interface FigureColumn {
  header: string
  value: (figures: ReportFigures) => number
}

export const ACTIVITY_COLUMNS: readonly FigureColumn[] = [
  { header: 'Kunjungan rumah', value: (f) => f.homeVisits },
  { header: 'Kasus masuk', value: (f) => f.filed },
  ...CASE_STATUSES.map((status) => ({
    header: `Tahap ${CASE_STATUS_LABELS[status]}`,
    value: (f: ReportFigures) => f.byStage[status],
  })),
]

export const OUTCOME_COLUMNS: readonly FigureColumn[] = CASE_OUTCOMES.map((outcome) => ({
  header: `Selesai: ${CASE_OUTCOME_LABELS[outcome]}`,
  value: (f: ReportFigures) => f.byOutcome[outcome],
}))

export const REFERRAL_COLUMNS: readonly FigureColumn[] = [
  { header: 'Rujukan diterima', value: (f) => f.referrals.accepted },
  { header: 'Rujukan ditolak lembaga', value: (f) => f.referrals.declined },
  { header: 'Rujukan dilayani', value: (f) => f.referrals.served },
  { header: 'Rujukan tidak dilayani', value: (f) => f.referrals.notServed },
  { header: 'Berkas verval', value: (f) => f.batches },
]

/** Cases filed in the month by kind (ADR 0036): requests, complaints, proposals, objections. */
export const KIND_COLUMNS: readonly FigureColumn[] = CASE_KINDS.map((kind) => ({
  header: `Masuk: ${CASE_KIND_LABELS[kind]}`,
  value: (f: ReportFigures) => f.filedByKind[kind],
}))

/** The cases filed in the month per kind, filer and without NIK (issue 15 item 6). */
export const KIND_FILER_COLUMNS: readonly FigureColumn[] = KIND_ROWS.map((row) => ({
  header: row.label,
  value: (f: ReportFigures) => row.value(f.kinds),
}))

export const ALL_REPORT_COLUMNS: readonly FigureColumn[] = [
  ...ACTIVITY_COLUMNS,
  ...OUTCOME_COLUMNS,
  ...REFERRAL_COLUMNS,
  ...KIND_COLUMNS,
  ...KIND_FILER_COLUMNS,
]
