/**
 * `/status` (DESIGN v3 §4 Pages): `GET` shows the form, `POST` looks the case up through
 * `POST /api/cases/status` itself, so the page and the API share the access-code check,
 * the 5-miss lock and (by the route table's `rateBudget`) one per-IP budget.
 *
 * A `GET` that still carries `birthDate` or `accessCode` (an old bookmark, a pasted link)
 * is sent back to the bare form without looking anything up (ADR 0011), so nothing
 * personal stays in the address bar; a well-formed `reference` alone may prefill it.
 */
import { referenceSchema } from '../../core/case/reference'
import { statusPagePath } from '../../core/case/status-url'
import { type ErrorDetail, isAppError, UnsupportedMediaTypeError } from '../../shared/errors'
import { publicAction } from '../runtime/action'
import { isFormPost, readForm } from '../../web/form-data'
import { type CaseStatusView, statusPage } from '../../web/status-page'
import { status as caseStatus } from '../cases/status'
import { callApi } from '../runtime/call-api'

const prefilledReference = (value: string | undefined): string => {
  const parsed = referenceSchema.safeParse(value ?? '')
  return parsed.success ? parsed.data : ''
}

export const showStatus = publicAction(async (request) => {
  const query = request.event.queryStringParameters ?? {}
  const reference = prefilledReference(query.reference)
  const extra = Object.keys(query).some((name) => name !== 'reference')
  if (extra || (query.reference !== undefined && !reference))
    return {
      statusCode: 303,
      headers: {
        location: reference ? statusPagePath(reference) : '/status',
        'cache-control': 'no-store',
      },
      body: '',
    }
  return statusPage({ values: { reference, accessCode: '' }, errors: [] })
})

export const submitStatus = publicAction(async (request) => {
  if (!isFormPost(request.event.headers['content-type']))
    throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded')
  const { body } = readForm(request.body)
  const values = {
    reference: typeof body.reference === 'string' ? body.reference : '',
    // The code is never echoed back into the page: a wrong one is typed again.
    accessCode: '',
  }
  try {
    const result = await callApi<CaseStatusView>(caseStatus, request, { body })
    return statusPage({ values, errors: [], result })
  } catch (error) {
    if (!isAppError(error)) throw error
    if (error.status === 404 || error.status === 429)
      return statusPage({ values, errors: [], notFound: error.message }, error.status, error.headers)
    if (error.status === 400)
      return statusPage(
        {
          values,
          errors:
            error.details.length > 0
              ? (error.details as ErrorDetail[])
              : [{ path: '', message: error.message }],
        },
        400,
      )
    throw error
  }
})
