/**
 * `GET /staff/dashboard` and `GET /staff/dashboard.csv`: one month of one kabupaten/kota
 * (ADR 0007). Reads by key condition only: the cases filed in the month and the lookback
 * before it, the open tasks (the overdue ones and those waiting for a provider), the
 * kabupaten's batches.
 */
import { dashboardFigures } from '../../core/reports/dashboard-figures'
import { previousMonth } from '../../core/laporan/laporan-deadline'
import { readSubmissions } from '../../flows/laporan/read-laporan'
import { dashboardCsv } from '../../core/reports/report-csv'
import { filingWindow } from '../../core/reports/report-month'
import { listBatches, listCasesFiled, listOpenTasks } from '../../data/report-queries'
import type { User } from '../../core/identity/user'
import { now } from '../../shared/clock'
import { staffAction } from '../runtime/action'
import { can } from '../../core/authorization/can'
import { yearsToBeListed } from '../../core/calendar/days-off'
import { readCalendarYears } from '../../data/calendar-repository'
import { localToday } from '../../flows/admin/local-today'
import { kabupatenDeadline } from '../../flows/verval/pengesahan'
import { type DashboardModel, dashboardPage } from '../../web/dashboard-page'
import { csvResponse, filterErrors, reportFilter } from './report-filter'
import { resolveReportScope } from './report-scope'
import { areaName, staffContext } from '../runtime/staff-context'

const loadFigures = async (user: User, query: Record<string, string | undefined>) => {
  const at = now()
  const scope = await resolveReportScope(user, 'report:dashboard', query, ['regency'], at)
  const window = filingWindow(scope.bounds)
  const [cases, openTasks, batches] = await Promise.all([
    listCasesFiled(scope.kabupaten, window.from, window.to),
    listOpenTasks(scope.kabupaten),
    listBatches(scope.kabupaten),
  ])
  return { scope, figures: dashboardFigures({ cases, openTasks, batches, bounds: scope.bounds, now: at }) }
}

/** The laporan bulanan falling due in the shown month: those of the month before (ADR 0039). */
const laporanDue = async (kabupaten: string, month: string) => {
  const reported = previousMonth(month)
  const { rows, rates } = await readSubmissions(kabupaten, reported, now())
  return { month: reported, rows, rates }
}

const AREA_HINT = 'Kode kabupaten/kota, mis. 32.01.'

/** This year, and from 1 October next year, when it lacks its list of cuti bersama (ADR 0015, ADR 0056). */
const unlistedYearsNotice = async (user: User): Promise<DashboardModel['calendarNotice']> => {
  const today = localToday(user.area === '*' ? '32' : user.area, now())
  const years = yearsToBeListed(today)
  const lists = await readCalendarYears(years)
  const unlisted = years.filter((_, index) => lists[index] === undefined)
  if (unlisted.length === 0) return undefined
  return {
    years: unlisted.map((year) => ({ year, current: year === Number(today.slice(0, 4)) })),
    editable: can(user, 'calendar:manage', { area: '*' }),
  }
}

export const staffDashboard = staffAction(async (request) => {
  const query = request.event.queryStringParameters ?? {}
  const values = { month: query.month ?? '', area: query.area ?? '' }
  const filter = reportFilter(request.user, '/staff/dashboard', values, {
    kecamatanChoices: false,
    areaHint: AREA_HINT,
  })
  const calendarNotice = await unlistedYearsNotice(request.user)
  const notice = calendarNotice ? { calendarNotice } : {}
  try {
    const { scope, figures } = await loadFigures(request.user, query)
    const laporan = await laporanDue(scope.kabupaten, figures.month)
    const pengesahan = await kabupatenDeadline(scope.kabupaten, now())
    const csvQuery = new URLSearchParams({ month: figures.month, area: scope.area })
    return dashboardPage(staffContext(request), {
      filter: {
        ...filter,
        values: { ...values, month: figures.month },
        csvHref: `/staff/dashboard.csv?${csvQuery}`,
      },
      figures,
      areaLabel: areaName(scope.area),
      areaName,
      laporan,
      pengesahan,
      ...notice,
    })
  } catch (error) {
    return dashboardPage(
      staffContext(request),
      { filter: { ...filter, errors: filterErrors(error) }, areaName, ...notice },
      400,
    )
  }
})

export const staffDashboardCsv = staffAction(async (request) => {
  const { scope, figures } = await loadFigures(request.user, request.event.queryStringParameters ?? {})
  const body = dashboardCsv(figures, { code: scope.area, name: areaName(scope.area) }, areaName)
  return csvResponse(`dasbor-${scope.area}-${figures.month}.csv`, body)
})
