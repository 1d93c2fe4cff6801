/** `GET /staff/persetujuan`: the queue of pending approvals of the caller's kabupaten (ADR 0007). */
import { approvalQueue } from '../../core/reports/approval-queue'
import { listOpenTasks, servicesOfCases } from '../../data/report-queries'
import { now } from '../../shared/clock'
import { staffAction } from '../runtime/action'
import { approvalsPage } from '../../web/approvals-page'
import { resolveReportScope } from './report-scope'
import { areaName, staffContext } from '../runtime/staff-context'

export const staffApprovals = staffAction(async (request) => {
  const query = request.event.queryStringParameters ?? {}
  const at = now()
  const scope = await resolveReportScope(
    request.user,
    'report:approvals',
    { area: query.area },
    ['regency'],
    at,
  )
  const tasks = (await listOpenTasks(scope.kabupaten)).filter((task) => task.kind === 'APPROVAL')
  const services = await servicesOfCases(tasks.map((task) => task.caseId))
  const rows = approvalQueue(tasks, services, { userId: request.user.id, now: at, calendar: scope.calendar })
  return approvalsPage(staffContext(request), { areaLabel: areaName(scope.kabupaten), rows, areaName })
})
