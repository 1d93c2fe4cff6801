/** `GET /staff/cases` and `GET /staff/cases/{caseId}`: the case list and detail, read through the cases API. */
import { ALL_AREAS, areaLevel } from '../../core/areas/area-code'
import { loadAreaIndex } from '../../data/area-source'
import { can } from '../../core/authorization/can'
import type { User } from '../../core/identity/user'
import { type ErrorDetail, isAppError, UnsupportedMediaTypeError } from '../../shared/errors'
import { staffAction } from '../runtime/action'
import { type CaseDetailView, type CaseNames, staffCasePage } from '../../web/staff-case-page'
import { actorNamer } from '../../flows/audit/actor-names'
import { type CaseListItem, staffCasesPage } from '../../web/staff-cases-page'
import { isFormPost, readForm } from '../../web/form-data'
import { detail, reveal } from '../cases/detail'
import { list } from '../cases/list'
import { smsOptOut } from '../cases/sms-opt-out'
import { withdraw } from '../cases/withdraw'
import { pendampingan } from '../cases/pendampingan'
import { pendampinganRefusal } from '../../core/case/pendampingan'
import type { FormState } from '../../web/fields'
import { callApi } from '../runtime/call-api'
import { assertCsrf, CSRF_FIELD } from '../../shared/auth/csrf'
import { areaName, placeName, staffContext } from '../runtime/staff-context'

export const staffCases = staffAction(async (request) => {
  const query = request.event.queryStringParameters ?? {}
  const values = {
    status: query.status ?? '',
    kind: query.kind ?? '',
    area: query.area ?? '',
    cursor: query.cursor ?? '',
  }
  const { user } = request
  const areaChoices =
    areaLevel(user.area) === 'regency'
      ? loadAreaIndex()
          .children(user.area)
          .map((k) => ({ value: k.code, label: k.name }))
      : undefined
  const model = {
    values,
    areaFree: user.area === ALL_AREAS,
    ...(areaChoices ? { areaChoices } : {}),
    areaName,
  }
  try {
    const page = await callApi<{ items: CaseListItem[]; nextCursor: string | null }>(list, request, {
      query: {
        status: values.status,
        kind: values.kind,
        area: values.area,
        cursor: values.cursor,
        limit: '20',
      },
    })
    return staffCasesPage(staffContext(request), { ...model, ...page, errors: [] })
  } catch (error) {
    if (!isAppError(error) || error.status !== 400) throw error
    const errors: ErrorDetail[] =
      error.details.length > 0 ? error.details : [{ path: '', message: error.message }]
    return staffCasesPage(staffContext(request), { ...model, items: [], nextCursor: null, errors }, 400)
  }
})

const caseCall = (request: { event: { pathParameters?: Record<string, string | undefined> } }) => ({
  pathParameters: { caseId: request.event.pathParameters?.caseId ?? '' },
})

const NO_FORM: FormState = { values: {}, errors: [] }

/** The names the case page prints instead of codes and ids: its places and its timeline's actors. */
const namesOf = async (view: CaseDetailView): Promise<CaseNames> => ({
  place: placeName,
  actor: await actorNamer(view.timeline.map((entry) => entry.actor)),
})

/**
 * The forms the caller is offered: withdraw to those `case:withdraw` allows for the case's
 * kecamatan; pendampingan to its TKSK once a provider reported a referral's result; the SMS
 * opt-out button to those `case:sms-opt-out` allows.
 */
const formsFor = (
  user: User,
  view: CaseDetailView,
  states: { withdraw?: FormState; pendampingan?: FormState } = {},
): { withdraw?: FormState; pendampingan?: FormState; smsOptOut?: boolean } => {
  const scope = { area: view.kecamatan }
  const followUp = can(user, 'case:followUp', scope) && pendampinganRefusal(view) === undefined
  return {
    ...(can(user, 'case:withdraw', scope) ? { withdraw: states.withdraw ?? NO_FORM } : {}),
    ...(followUp ? { pendampingan: states.pendampingan ?? NO_FORM } : {}),
    // The SMS opt-out button (ADR 0028) to those `case:sms-opt-out` allows.
    ...(can(user, 'case:sms-opt-out', scope) ? { smsOptOut: true } : {}),
  }
}

/** Back to the case page after a form's POST (the PRG pattern: a reload posts nothing twice). */
const seeCase = (caseId: string, fragment = '') => ({
  statusCode: 303,
  headers: { location: `/staff/cases/${caseId}${fragment}` },
  body: '',
})

export const staffCase = staffAction(async (request) => {
  const view = await callApi<CaseDetailView>(detail, request, caseCall(request))
  return staffCasePage(
    staffContext(request),
    view,
    await namesOf(view),
    {},
    200,
    formsFor(request.user, view),
  )
})

/** `POST /staff/cases/{caseId}/sms-berhenti`: the SMS opt-out API from the case page (ADR 0028). */
export const stopStaffCaseSms = staffAction(async (request) => {
  if (!isFormPost(request.event.headers['content-type']))
    throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded')
  const { values } = readForm(request.body)
  assertCsrf(request.event, values[CSRF_FIELD])
  const call = caseCall(request)
  await callApi(smsOptOut, request, call)
  return seeCase(call.pathParameters.caseId)
})

/** `POST /staff/cases/{caseId}/tarik`: the withdraw API from the case page; a bad reason comes back next to the field. */
export const withdrawStaffCase = staffAction(async (request) => {
  if (!isFormPost(request.event.headers['content-type']))
    throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded')
  const { values } = readForm(request.body)
  assertCsrf(request.event, values[CSRF_FIELD])
  const call = caseCall(request)
  try {
    await callApi(withdraw, request, { ...call, body: { reason: values.reason ?? '' } })
    return seeCase(call.pathParameters.caseId)
  } catch (error) {
    if (!isAppError(error) || error.status !== 400) throw error
    const view = await callApi<CaseDetailView>(detail, request, call)
    const state = { values: { reason: values.reason ?? '' }, errors: error.details }
    return staffCasePage(
      staffContext(request),
      view,
      await namesOf(view),
      {},
      400,
      formsFor(request.user, view, { withdraw: state }),
    )
  }
})

/** `POST /staff/cases/{caseId}/pendampingan` (issue 15): the pendampingan API from the case page; bad input comes back next to its field. */
export const pendampinganStaffCase = staffAction(async (request) => {
  if (!isFormPost(request.event.headers['content-type']))
    throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded')
  const { values } = readForm(request.body)
  assertCsrf(request.event, values[CSRF_FIELD])
  const call = caseCall(request)
  const fields = {
    date: values.date ?? '',
    kind: values.kind ?? '',
    findings: values.findings ?? '',
    nextVisit: values.nextVisit ?? '',
  }
  try {
    await callApi(pendampingan, request, { ...call, body: fields })
    return seeCase(call.pathParameters.caseId, '#pendampingan')
  } catch (error) {
    if (!isAppError(error) || error.status !== 400) throw error
    const view = await callApi<CaseDetailView>(detail, request, call)
    return staffCasePage(
      staffContext(request),
      view,
      await namesOf(view),
      {},
      400,
      formsFor(request.user, view, { pendampingan: { values: fields, errors: error.details } }),
    )
  }
})

/**
 * `POST /staff/cases/{caseId}/reveal`: the reveal form (purpose + CSRF token) handed to
 * `POST /api/cases/{caseId}/reveal`; a purpose too short shows the masked case again
 * with the reason next to the form.
 */
export const staffCaseReveal = staffAction(async (request) => {
  if (!isFormPost(request.event.headers['content-type']))
    throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded')
  const { values } = readForm(request.body)
  assertCsrf(request.event, values[CSRF_FIELD])
  const purpose = values.purpose ?? ''
  try {
    const view = await callApi<CaseDetailView>(reveal, request, { ...caseCall(request), body: { purpose } })
    return staffCasePage(staffContext(request), view, await namesOf(view), { revealed: true })
  } catch (error) {
    if (!isAppError(error) || error.status !== 400) throw error
    const view = await callApi<CaseDetailView>(detail, request, caseCall(request))
    const revealError = error.details[0]?.message ?? error.message
    return staffCasePage(staffContext(request), view, await namesOf(view), { revealError, purpose }, 400)
  }
})
