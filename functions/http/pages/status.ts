/**
 * `GET /status` (DESIGN §4 Pages): the form, and with `birthDate` given the case's stages,
 * read through `GET /api/cases/status` itself, so a wrong pair is the same "not found".
 */
import { type ErrorDetail, isAppError } from '../../shared/errors'
import { publicAction } from '../runtime/action'
import { type CaseStatusView, statusPage } from '../../web/status-page'
import { status as caseStatus } from '../cases/status'
import { callApi } from './call-api'

export const showStatus = publicAction(async (request) => {
  const query = request.event.queryStringParameters ?? {}
  const values = { reference: query.reference ?? '', birthDate: query.birthDate ?? '' }
  // Only a submitted form looks anything up; `/status?reference=` from the confirmation just fills it in.
  if (query.birthDate === undefined) return statusPage({ values, errors: [] })
  try {
    const result = await callApi<CaseStatusView>(caseStatus, request, { query: values })
    return statusPage({ values, errors: [], result })
  } catch (error) {
    if (!isAppError(error)) throw error
    if (error.status === 404) return statusPage({ values, errors: [], notFound: error.message }, 404)
    if (error.status === 400) return statusPage({ values, errors: error.details as ErrorDetail[] }, 400)
    throw error
  }
})
