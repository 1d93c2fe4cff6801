/**
 * `GET /staff/cases/{caseId}/tanda-terima` (issue 19, ADR 0026): the resident's slip,
 * printed by the TKSK to hand over after a field intake. It reads the case through
 * `GET /api/cases/{caseId}` (scope check, sensitive-read audit) and shows the access code
 * that answer already gives the staff who help the resident (ADR 0011; an auditor's
 * answer has none): the same code the resident's email holds, so reprinting never changes
 * what the resident was told.
 */
import { env } from '../../shared/env'
import { staffAction } from '../runtime/action'
import type { CaseDetailView } from '../../web/staff-case-page'
import { staffSlipPage } from '../../web/staff-slip-page'
import { statusPageUrl } from '../../core/case/status-url'
import { detail } from '../cases/detail'
import { callApi } from '../runtime/call-api'
import { staffContext } from '../runtime/staff-context'

export const staffSlip = staffAction(async (request) => {
  const view = await callApi<CaseDetailView>(detail, request, {
    pathParameters: { caseId: request.event.pathParameters?.caseId ?? '' },
  })
  return staffSlipPage(staffContext(request), view.caseId, {
    reference: view.reference,
    accessCode: view.accessCode ?? undefined,
    statusUrl: statusPageUrl(env.publicBaseUrl(), view.reference),
  })
})
