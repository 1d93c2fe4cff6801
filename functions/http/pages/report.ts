/**
 * `GET /staff/laporan` and `GET /staff/laporan.csv`: the figures ("Rekap angka") of a
 * kecamatan, or the roll-up of a kabupaten (ADR 0007). A TKSK sees their own kecamatan;
 * another one (or the kabupaten) is 403.
 */
import { kecamatanReport, type ReportFigures, rollUp } from '../../core/reports/monthly-report'
import { monthlyReportCsv } from '../../core/reports/report-csv'
import { filingWindow } from '../../core/reports/report-month'
import { loadAreaIndex } from '../../data/area-source'
import { listBatches, listCasesFiled } from '../../data/report-queries'
import type { User } from '../../core/identity/user'
import { now } from '../../shared/clock'
import { staffAction } from '../runtime/action'
import { reportPage } from '../../web/report-page'
import { csvResponse, filterErrors, reportFilter } from './report-filter'
import { resolveReportScope } from './report-scope'
import { areaName, staffContext } from '../runtime/staff-context'

const loadReport = async (user: User, query: Record<string, string | undefined>) => {
  const scope = await resolveReportScope(user, 'report:monthly', query, ['regency', 'district'], now())
  const window = filingWindow(scope.bounds)
  const [cases, batches] = await Promise.all([
    listCasesFiled(scope.kabupaten, window.from, window.to),
    listBatches(scope.kabupaten, scope.kecamatan),
  ])
  if (scope.kecamatan)
    return { scope, kecamatan: kecamatanReport(scope.kecamatan, cases, batches, scope.bounds) }
  const kecamatanCodes = loadAreaIndex()
    .children(scope.kabupaten)
    .map((k) => k.code)
  return { scope, rollUp: rollUp(kecamatanCodes, cases, batches, scope.bounds) }
}

const AREA_HINT = 'Kode kabupaten/kota (rekap) atau kecamatan, mis. 32.01 atau 32.01.14.'

export const staffReport = staffAction(async (request) => {
  const query = request.event.queryStringParameters ?? {}
  const values = { month: query.month ?? '', area: query.area ?? '' }
  const filter = reportFilter(request.user, '/staff/laporan', values, {
    kecamatanChoices: true,
    areaHint: AREA_HINT,
  })
  try {
    const report = await loadReport(request.user, query)
    const { month } = report.scope.bounds
    const csvQuery = new URLSearchParams({ month, area: report.scope.area })
    return reportPage(staffContext(request), {
      filter: {
        ...filter,
        values: { month, area: report.scope.area },
        csvHref: `/staff/laporan.csv?${csvQuery}`,
      },
      month,
      areaLabel: areaName(report.scope.area),
      ...(report.kecamatan ? { kecamatan: report.kecamatan } : {}),
      ...(report.rollUp ? { rollUp: report.rollUp } : {}),
      areaName,
    })
  } catch (error) {
    return reportPage(
      staffContext(request),
      { filter: { ...filter, errors: filterErrors(error) }, areaName },
      400,
    )
  }
})

export const staffReportCsv = staffAction(async (request) => {
  const report = await loadReport(request.user, request.event.queryStringParameters ?? {})
  const { month } = report.scope.bounds
  const row = (kecamatan: string, figures: ReportFigures) => ({
    kecamatan,
    name: areaName(kecamatan),
    figures,
  })
  const body = report.kecamatan
    ? monthlyReportCsv({
        month,
        rows: [row(report.kecamatan.kecamatan, report.kecamatan.figures)],
        visits: report.kecamatan.visits,
      })
    : monthlyReportCsv({
        month,
        rows: (report.rollUp?.rows ?? []).map((r) => row(r.kecamatan, r.figures)),
        ...(report.rollUp ? { total: report.rollUp.total } : {}),
      })
  return csvResponse(`laporan-${report.scope.area}-${month}.csv`, body)
})
