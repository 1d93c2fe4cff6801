/**
 * `GET|POST /staff/kasus-baru` (issue 15 item 1, ADR 0037): the TKSK's field filing page.
 * The post goes through `POST /api/cases/field` itself (its authorization, validation,
 * Idempotency-Key and audit), then 303 to the slip to print for the person. A refused
 * field comes back beside itself with the values kept (400).
 */
import { roleMay } from '../../core/authorization/can'
import type { User } from '../../core/identity/user'
import { loadAreaIndex } from '../../data/area-source'
import { assertCsrf, CSRF_FIELD } from '../../shared/auth/csrf'
import { type ErrorDetail, ForbiddenError, isAppError, UnsupportedMediaTypeError } from '../../shared/errors'
import { fieldIntakePage, IDEMPOTENCY_FIELD } from '../../web/field-intake-page'
import { isFormPost, readForm } from '../../web/form-data'
import { fieldIntake } from '../cases/intake'
import { type RequestContext, staffAction } from '../runtime/action'
import { callApi } from '../runtime/call-api'
import { formKeyOf, newFormKey, RESENT_NOTICE, withConsentTicked } from '../runtime/filing-form'
import { placeName, staffContext } from '../runtime/staff-context'

type StaffRequest = RequestContext & { user: User }

/** Only a TKSK files from the field (`case:create`); the desa list is their kecamatan's. */
const render = (
  request: StaffRequest,
  form: {
    values: Record<string, string>
    errors: readonly ErrorDetail[]
    idempotencyKey: string
    notice?: string
  },
  statusCode: number,
) => {
  const { user } = request
  if (!roleMay(user.role, 'case:create'))
    throw new ForbiddenError('Hanya TKSK yang dapat mencatat kasus dari lapangan.')
  return fieldIntakePage(
    staffContext(request),
    {
      ...form,
      villages: loadAreaIndex().children(user.area),
      kecamatanName: placeName(user.area),
    },
    statusCode,
  )
}

export const showFieldIntake = staffAction(async (request) =>
  render(request, { values: {}, errors: [], idempotencyKey: newFormKey('field') }, 200),
)

export const submitFieldIntake = staffAction(async (request) => {
  if (!isFormPost(request.event.headers['content-type']))
    throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded')
  const form = readForm(request.body, { omit: [IDEMPOTENCY_FIELD, CSRF_FIELD] })
  const { values } = form
  assertCsrf(request.event, values[CSRF_FIELD])
  const { [CSRF_FIELD]: _csrf, ...typed } = values
  const idempotencyKey = formKeyOf('field', values[IDEMPOTENCY_FIELD])
  const body = withConsentTicked(form.body)
  const again = (errors: readonly ErrorDetail[], statusCode: number, key = idempotencyKey, notice?: string) =>
    render(request, { values: typed, errors, idempotencyKey: key, ...(notice ? { notice } : {}) }, statusCode)
  if (form.problems.length > 0) return again(form.problems, 400)
  try {
    const receipt = await callApi<{ caseId: string }>(fieldIntake, request, {
      body,
      headers: { 'idempotency-key': idempotencyKey },
    })
    return {
      statusCode: 303,
      headers: { location: `/staff/cases/${receipt.caseId}/tanda-terima`, 'cache-control': 'no-store' },
      body: '',
    }
  } catch (error) {
    if (isAppError(error) && error.code === 'VALIDATION_FAILED') return again(error.details, 400)
    if (isAppError(error) && error.status === 409) return again([], 409, newFormKey('field'), RESENT_NOTICE)
    throw error
  }
})
