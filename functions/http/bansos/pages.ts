/**
 * `/pengaduan` (issue 15 item 4, ADR 0036): `GET` shows the chosen form with the area
 * steps, `POST` runs `POST /api/bansos` itself (validation, rate budget, idempotency and
 * the use case are the API's) and answers with the reference and access code, or the
 * form again with each refused field beside itself.
 */
import type { BansosReceipt } from '../../flows/bansos/submit-bansos'
import { type ErrorDetail, isAppError, UnsupportedMediaTypeError } from '../../shared/errors'
import {
  bansosFormPage,
  bansosReceiptPage,
  IDEMPOTENCY_FIELD,
  kindOfParam,
  VILLAGE_FIELDS,
} from '../../web/bansos-page'
import { isFormPost, readForm } from '../../web/form-data'
import { BANSOS_KINDS, type BansosKind } from '../../core/case/case-kind'
import { publicAction, type RequestContext } from '../runtime/action'
import { callApi } from '../runtime/call-api'
import { areaStepsOf, formKeyOf, newFormKey, RESENT_NOTICE, withConsentTicked } from '../runtime/filing-form'
import { bansosIntake } from './submit'

const formModel = (
  kind: BansosKind,
  values: Record<string, string>,
  errors: readonly ErrorDetail[],
  areaQuery: string | undefined,
  idempotencyKey: string,
  notice?: string,
) => ({ kind, values, errors, ...areaStepsOf(areaQuery), idempotencyKey, ...(notice ? { notice } : {}) })

export const showBansosForm = publicAction(async (request) => {
  const query = request.event.queryStringParameters ?? {}
  return bansosFormPage(formModel(kindOfParam(query.jenis), {}, [], query.area, newFormKey('form')))
})

/** The API's answer with the form's idempotency key as its header (a double submit files once). */
const withKey = (request: RequestContext, key: string): RequestContext => ({
  ...request,
  event: { ...request.event, headers: { ...request.event.headers, 'idempotency-key': key } },
})

export const submitBansosForm = publicAction(async (request) => {
  if (!isFormPost(request.event.headers['content-type']))
    throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded')
  const form = readForm(request.body, { omit: [IDEMPOTENCY_FIELD] })
  const { values } = form
  // An unknown kind is the API's 400 on `kind`; the page shows the complaint form with it.
  const kind = BANSOS_KINDS.find((k) => k === values.kind) ?? 'PENGADUAN'
  const idempotencyKey = formKeyOf('form', values[IDEMPOTENCY_FIELD])
  const body = withConsentTicked(form.body)
  const rerender = (
    errors: readonly ErrorDetail[],
    statusCode: number,
    key = idempotencyKey,
    notice?: string,
  ) => bansosFormPage(formModel(kind, values, errors, values[VILLAGE_FIELDS[kind]], key, notice), statusCode)
  if (form.problems.length > 0) return rerender(form.problems, 400)
  try {
    const receipt = await callApi<BansosReceipt>(bansosIntake, withKey(request, idempotencyKey), { body })
    return bansosReceiptPage(receipt)
  } catch (error) {
    if (!isAppError(error)) throw error
    if (error.status === 400)
      return rerender(
        error.details.length > 0 ? (error.details as ErrorDetail[]) : [{ path: '', message: error.message }],
        400,
      )
    if (error.status === 409) return rerender([], 409, newFormKey('form'), RESENT_NOTICE)
    throw error
  }
})
