/**
 * The Dinsos dashboard (`/staff/dashboard`): one month of one kabupaten/kota in tables
 * (the whole page without JavaScript), each turned into a Chart.js chart by
 * `dashboard-charts.js` when scripts run.
 */
import { type LaporanDashboardBlock, laporanDashboardBlock } from './laporan-dashboard-block'
import type { KabupatenDeadline } from '../core/verval/pengesahan'
import { pengesahanSection } from './pengesahan-page'
import { TASK_TITLES } from '../core/case/task-kinds'
import type { DashboardFigures } from '../core/reports/dashboard-figures'
import { BATCH_STATUS_LABELS, BATCH_STATUSES } from '../core/verval/batch-status'
import type { HttpResult } from '../http/runtime/action'
import { dataTable } from './data-table'
import { formatShort } from './dates'
import { html, type SafeHtml } from './html'
import { countTable, monthLabel, type ReportFilter, reportFilterForm } from './report-parts'
import { type StaffContext, staffPage } from './staff-layout'

export interface DashboardModel {
  filter: ReportFilter
  figures?: DashboardFigures
  areaLabel?: string
  areaName: (code: string) => string
  /** This year (`current`), or from 1 October next year, has no list of cuti bersama yet (ADR 0015, ADR 0056). */
  calendarNotice?: { years: { year: number; current: boolean }[]; editable: boolean }
  /** The laporan bulanan falling due in the month (ADR 0039). */
  laporan?: LaporanDashboardBlock
  /** Each kecamatan against the month's pengesahan day (issue 21.5). */
  pengesahan?: KabupatenDeadline
}

// This year's missing list already moves deadlines (a due date may fall on a cuti bersama
// day): said first and in bold. Both are `status`, not `alert`: the notice stands on every
// load of the page for weeks, and a screen reader interrupts the user with an alert each time.
const unlistedYearNotice = (
  { year, current }: { year: number; current: boolean },
  editable: boolean,
): SafeHtml =>
  html`<p class="notice" role="status">
    ${
      current
        ? html`<strong>Daftar cuti bersama ${year} belum ditetapkan</strong>: batas waktu tugas tahun ini
            dihitung tanpa cuti bersama dan bisa jatuh pada hari cuti bersama.`
        : html`Daftar cuti bersama ${year} belum ditetapkan: batas waktu tugas di tahun itu dihitung tanpa
          cuti bersama.`
    }
    ${editable ? html`<a href="/staff/admin/kalender?tahun=${String(year)}">Isi kalender ${year}</a>` : 'Minta administrator mengisinya.'}
  </p>`

const calendarNotice = (notice: DashboardModel['calendarNotice']): SafeHtml | '' =>
  notice ? html`${notice.years.map((year) => unlistedYearNotice(year, notice.editable))}` : ''

const blocks = (figures: DashboardFigures, areaName: (code: string) => string): SafeHtml =>
  html` ${countTable({
      id: 'per-tahap',
      caption: 'Kasus per tahap',
      headers: ['Tahap', 'Jumlah kasus'],
      rows: figures.byStatus.map((c) => [c.label, c.count]),
      total: ['Jumlah', figures.filed],
      chart: 'bar',
    })}
    ${countTable({
      id: 'per-kategori',
      caption: 'Kasus per kategori PPKS',
      headers: ['Kategori', 'Jumlah kasus'],
      rows: figures.byCategory.map((c) => [c.label, c.count]),
      chart: 'bar',
    })}
    ${countTable({
      id: 'per-jenis',
      caption: 'Kasus per jenis (layanan, pengaduan, usulan, sanggahan bansos)',
      headers: ['Jenis', 'Jumlah kasus'],
      rows: figures.byKind.map((c) => [c.label, c.count]),
      total: ['Jumlah', figures.filed],
      chart: 'bar',
    })}
    ${countTable({
      id: 'per-jenis-pengaju',
      caption: 'Kasus per jenis, pengaju dan kelengkapan identitas',
      headers: ['Rincian', 'Jumlah kasus'],
      rows: figures.byKindAndFiler.map((c) => [c.label, c.count]),
    })}
    ${countTable({
      id: 'per-kecamatan',
      caption: 'Kasus per kecamatan',
      headers: ['Kecamatan', 'Jumlah kasus'],
      rows: figures.byKecamatan.map((c) => [areaName(c.key), c.count]),
      chart: 'bar',
    })}
    ${countTable({
      id: 'median-tahap',
      caption: 'Median lama tiap tahap (hari)',
      headers: ['Tahap', 'Median (hari)', 'Jumlah kasus'],
      rows: figures.stageMedians.map((s) => [
        s.label,
        s.medianDays === null ? '—' : s.medianDays.toLocaleString('id-ID'),
        s.cases,
      ]),
      chart: 'bar',
    })}
    ${countTable({
      id: 'verval',
      caption: 'Status verval per kecamatan',
      headers: ['Kecamatan', ...BATCH_STATUSES.map((s) => BATCH_STATUS_LABELS[s])],
      rows: figures.verval.map((v) => [areaName(v.kecamatan), ...BATCH_STATUSES.map((s) => v.counts[s])]),
      chart: 'bar',
      chartColumns: BATCH_STATUSES.map((_, i) => i + 2),
    })}
    <section aria-labelledby="menunggu-penyedia">
      <h2 id="menunggu-penyedia">
        Kasus menunggu pilihan penyedia (saat ini): ${figures.awaitingProvider.length}
      </h2>
      ${
        figures.awaitingProvider.length === 0
          ? html`<p>Semua kasus sudah mendapat penyedia.</p>`
          : dataTable({
              caption: 'Kasus tanpa penyedia di wilayahnya',
              columns: ['Nomor registrasi', 'Kecamatan', 'Menunggu sejak'],
              rows: figures.awaitingProvider.map(
                (t) =>
                  html`<tr>
                    <th scope="row"><a href="/staff/cases/${t.caseId}">${t.reference}</a></th>
                    <td>${areaName(t.kecamatan)}</td>
                    <td>${formatShort(t.since, t.kecamatan)}</td>
                  </tr>`,
              ),
            })
      }
    </section>
    <section aria-labelledby="terlambat">
      <h2 id="terlambat">Tugas terbuka yang terlambat (saat ini): ${figures.overdueTasks.length}</h2>
      ${
        figures.overdueTasks.length === 0
          ? html`<p>Tidak ada tugas yang terlambat.</p>`
          : dataTable({
              caption: 'Tugas terlambat',
              columns: ['Nomor registrasi', 'Tugas', 'Kecamatan', 'Batas waktu', 'Terlambat'],
              rows: figures.overdueTasks.map(
                (t) =>
                  html`<tr>
                    <th scope="row"><a href="/staff/cases/${t.caseId}">${t.reference}</a></th>
                    <td>${TASK_TITLES[t.kind] ?? t.kind}</td>
                    <td>${areaName(t.kecamatan)}</td>
                    <td class="overdue">${formatShort(t.dueAt, t.kecamatan)}</td>
                    <td>${t.daysOverdue} hari</td>
                  </tr>`,
              ),
            })
      }
    </section>`

export const dashboardPage = (ctx: StaffContext, model: DashboardModel, statusCode = 200): HttpResult =>
  staffPage(
    ctx,
    statusCode,
    'Dasbor',
    html`${calendarNotice(model.calendarNotice)}${reportFilterForm(model.filter)}
    ${
      model.figures
        ? html`<p>
              ${model.areaLabel}, ${monthLabel(model.figures.month)}:
              <strong>${model.figures.filed}</strong> kasus masuk.
            </p>
            ${model.laporan ? laporanDashboardBlock(model.laporan, model.areaName) : ''}
            ${blocks(model.figures, model.areaName)}
            ${model.pengesahan ? pengesahanSection(model.pengesahan, model.areaName) : ''}`
        : ''
    }`,
    model.figures ? { scripts: ['chart.js', 'dashboard-charts.js'] } : {},
  )
