/**
 * The dashboard and laporan as CSV for Excel: UTF-8 with a BOM, CRLF, RFC 4180 quoting,
 * formula-safe cells (the same rules as the audit export, `audit-csv.ts`).
 */
import { CSV_BOM, csvCell } from '../audit/audit-csv'
import { BATCH_STATUSES } from '../verval/batch-status'
import { BATCH_STATUS_LABELS } from '../verval/batch-status'
import type { DashboardFigures } from './dashboard-figures'
import type { HomeVisit, ReportFigures } from './monthly-report'
import { ALL_REPORT_COLUMNS } from './report-columns'

export type CsvRow = readonly (string | number | null)[]

export const reportCsv = (rows: readonly CsvRow[]): string =>
  CSV_BOM +
  rows.map((row) => row.map((cell) => csvCell(cell === null ? '' : String(cell))).join(',')).join('\r\n') +
  '\r\n'

/** The laporan: one row per kecamatan (name and code) and a total row; the visits of a single kecamatan below it. */
export const monthlyReportCsv = (input: {
  month: string
  rows: readonly { kecamatan: string; name: string; figures: ReportFigures }[]
  total?: ReportFigures
  visits?: readonly HomeVisit[]
}): string => {
  const table: CsvRow[] = [
    ['Bulan', 'Kode kecamatan', 'Kecamatan', ...ALL_REPORT_COLUMNS.map((c) => c.header)],
    ...input.rows.map((row) => [
      input.month,
      row.kecamatan,
      row.name,
      ...ALL_REPORT_COLUMNS.map((c) => c.value(row.figures)),
    ]),
  ]
  if (input.total)
    table.push([
      input.month,
      '',
      'Jumlah',
      ...ALL_REPORT_COLUMNS.map((c) => c.value(input.total as ReportFigures)),
    ])
  if (input.visits) {
    table.push([], ['Kunjungan rumah', 'Nomor registrasi', 'Tanggal kunjungan', 'Layak'])
    for (const visit of input.visits)
      table.push([
        '',
        visit.reference,
        visit.visitDate,
        visit.eligible === undefined ? '' : visit.eligible ? 'Ya' : 'Tidak',
      ])
  }
  return reportCsv(table)
}

/** The dashboard in long form (section, item, detail, value): one shape for every block, easy to pivot in Excel. */
export const dashboardCsv = (
  figures: DashboardFigures,
  area: { code: string; name: string },
  areaName: (code: string) => string,
): string => {
  const rows: CsvRow[] = [['Bulan', 'Wilayah', 'Bagian', 'Rincian', 'Keterangan', 'Nilai']]
  const add = (section: string, item: string, detail: string, value: number | null) =>
    rows.push([figures.month, `${area.code} ${area.name}`, section, item, detail, value])
  add('Kasus masuk', 'Jumlah', '', figures.filed)
  for (const c of figures.byStatus) add('Kasus per tahap', c.label, '', c.count)
  for (const c of figures.byCategory) add('Kasus per kategori', c.label, c.key, c.count)
  for (const c of figures.byKind) add('Kasus per jenis', c.label, c.key, c.count)
  for (const c of figures.byKecamatan) add('Kasus per kecamatan', areaName(c.key), c.key, c.count)
  for (const c of figures.byKindAndFiler) add('Kasus per jenis dan pengaju', c.label, c.key, c.count)
  for (const s of figures.stageMedians)
    add('Median hari per tahap', s.label, `${s.cases} kasus`, s.medianDays)
  for (const v of figures.verval)
    for (const status of BATCH_STATUSES)
      if (v.counts[status] > 0)
        add('Verval per kecamatan', areaName(v.kecamatan), BATCH_STATUS_LABELS[status], v.counts[status])
  add('Tugas terlambat', 'Jumlah', 'saat diunduh', figures.overdueTasks.length)
  add('Kasus menunggu pilihan penyedia', 'Jumlah', 'saat diunduh', figures.awaitingProvider.length)
  return reportCsv(rows)
}
