/**
 * The figures page "Rekap angka" (`/staff/laporan`; the laporan bulanan TKSK with its
 * forms is `/staff/laporan-bulanan`): one kecamatan (home visits with their
 * dates, cases by stage and outcome, referrals, verval batches) or the kabupaten roll-up
 * (one row per kecamatan and a total). Printable: the print stylesheet drops the menu and
 * the filter and sets A4.
 */
import { VERVAL_PROGRAM_LABELS } from '../core/catalog/verval-programs'
import { BATCH_STATUS_LABELS } from '../core/verval/batch-status'
import type { KecamatanReport, ReportFigures, RollUp } from '../core/reports/monthly-report'
import {
  ACTIVITY_COLUMNS,
  type FigureColumn,
  KIND_FILER_COLUMNS,
  OUTCOME_COLUMNS,
  REFERRAL_COLUMNS,
} from '../core/reports/report-columns'
import type { HttpResult } from '../http/runtime/action'
import { formatLongDate, formatShort } from './dates'
import { html, type SafeHtml } from './html'
import { countTable, monthLabel, type ReportFilter, reportFilterForm } from './report-parts'
import { type StaffContext, staffPage } from './staff-layout'

export interface ReportModel {
  filter: ReportFilter
  month?: string
  areaLabel?: string
  kecamatan?: KecamatanReport
  rollUp?: RollUp
  areaName: (code: string) => string
}

/** A single kecamatan's figures as label/value rows. */
const figureRows = (columns: readonly FigureColumn[], figures: ReportFigures) =>
  columns.map((c) => [c.header, c.value(figures)] as const)

const kecamatanBody = (report: KecamatanReport): SafeHtml =>
  html` ${countTable({ id: 'kegiatan', caption: 'Kunjungan dan tahap kasus', headers: ['Rincian', 'Jumlah'], rows: figureRows(ACTIVITY_COLUMNS, report.figures) })}
  ${countTable({ id: 'hasil', caption: 'Kasus selesai menurut hasil', headers: ['Hasil', 'Jumlah'], rows: figureRows(OUTCOME_COLUMNS, report.figures) })}
  ${countTable({ id: 'rujukan', caption: 'Rujukan dan verval', headers: ['Rincian', 'Jumlah'], rows: figureRows(REFERRAL_COLUMNS, report.figures) })}
  ${countTable({ id: 'jenis', caption: 'Kasus masuk menurut jenis dan pengaju', headers: ['Rincian', 'Jumlah'], rows: figureRows(KIND_FILER_COLUMNS, report.figures) })}
  ${countTable({
    id: 'kunjungan',
    caption: 'Kunjungan rumah (asesmen)',
    headers: ['Nomor registrasi', 'Tanggal kunjungan', 'Dicatat', 'Layak'],
    rows: report.visits.map((v) => [
      v.reference,
      v.visitDate ? formatLongDate(v.visitDate) : '—',
      formatShort(v.recordedAt, report.kecamatan),
      v.eligible === undefined ? '—' : v.eligible ? 'Ya' : 'Tidak',
    ]),
  })}
  ${countTable({
    id: 'berkas-verval',
    caption: 'Berkas verval bulan ini',
    headers: ['Program', 'Status', 'Baris', 'Galat', 'Diunggah'],
    rows: report.batches.map((b) => [
      VERVAL_PROGRAM_LABELS[b.program] ?? b.program,
      BATCH_STATUS_LABELS[b.status] ?? b.status,
      b.rows,
      b.errorCount,
      formatShort(b.createdAt, report.kecamatan),
    ]),
  })}`

const rollUpTable = (
  id: string,
  caption: string,
  columns: readonly FigureColumn[],
  rollUp: RollUp,
  areaName: (code: string) => string,
): SafeHtml =>
  countTable({
    id,
    caption,
    headers: ['Kecamatan', ...columns.map((c) => c.header)],
    rows: rollUp.rows.map((row) => [areaName(row.kecamatan), ...columns.map((c) => c.value(row.figures))]),
    total: ['Jumlah', ...columns.map((c) => c.value(rollUp.total))],
  })

const rollUpBody = (rollUp: RollUp, areaName: (code: string) => string): SafeHtml =>
  html` ${rollUpTable('kegiatan', 'Kunjungan dan tahap kasus per kecamatan', ACTIVITY_COLUMNS, rollUp, areaName)}
  ${rollUpTable('hasil', 'Kasus selesai menurut hasil per kecamatan', OUTCOME_COLUMNS, rollUp, areaName)}
  ${rollUpTable('rujukan', 'Rujukan dan verval per kecamatan', REFERRAL_COLUMNS, rollUp, areaName)}
  ${rollUpTable('jenis', 'Kasus masuk menurut jenis dan pengaju per kecamatan', KIND_FILER_COLUMNS, rollUp, areaName)}`

export const reportPage = (ctx: StaffContext, model: ReportModel, statusCode = 200): HttpResult =>
  staffPage(
    ctx,
    statusCode,
    'Rekap angka bulanan TKSK',
    html`${reportFilterForm(model.filter)}
    ${model.month ? html`<p class="report-title"><strong>${model.areaLabel}</strong> — ${monthLabel(model.month)}</p>` : ''}
    ${model.kecamatan ? kecamatanBody(model.kecamatan) : ''}
    ${model.rollUp ? rollUpBody(model.rollUp, model.areaName) : ''}`,
  )
