/**
 * `GET /staff/cases/{caseId}/tanda-terima` (issue 19, ADR 0026): the resident's slip,
 * printed by the TKSK to hand over after a field intake. It reads the case through
 * `GET /api/cases/{caseId}` (scope check, sensitive-read audit) and shows the access code
 * that answer already gives the staff who help the resident: the same code the resident's
 * email holds, so reprinting never changes what the resident was told. A reviewer
 * (auditor, admin) has no resident to hand it to and is refused before the read (ADR 0057).
 */
import { roleMay } from '../../core/authorization/can'
import { env } from '../../shared/env'
import { ForbiddenError } from '../../shared/errors'
import { staffAction } from '../runtime/action'
import type { CaseDetailView } from '../../web/staff-case-page'
import { staffSlipPage } from '../../web/staff-slip-page'
import { statusPageUrl } from '../../core/case/status-url'
import { detail } from '../cases/detail'
import { callApi } from '../runtime/call-api'
import { staffContext } from '../runtime/staff-context'

export const staffSlip = staffAction(async (request) => {
  if (!roleMay(request.user.role, 'case:accessCode'))
    throw new ForbiddenError('Tanda terima hanya untuk petugas yang mendampingi pemohon.')
  const view = await callApi<CaseDetailView>(detail, request, {
    pathParameters: { caseId: request.event.pathParameters?.caseId ?? '' },
  })
  return staffSlipPage(staffContext(request), view.caseId, {
    reference: view.reference,
    accessCode: view.accessCode ?? undefined,
    statusUrl: statusPageUrl(env.publicBaseUrl(), view.reference),
  })
})
