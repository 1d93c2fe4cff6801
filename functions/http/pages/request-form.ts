/**
 * `GET /` and `POST /` (DESIGN §4 Pages): the resident's request form. The post is read
 * into the API's JSON by field name, validated with the API's schema and filed by the
 * API's use case (`submitIntake`), then answered with a redirect to the confirmation
 * (303, so a reload does not post again).
 */
import { createIntakeSchema } from '../../core/case/intake-schema'
import { referenceSchema } from '../../core/case/reference'
import { intakeBodyHash, submitIntake } from '../../flows/case/submit-intake'
import { loadAreaIndex } from '../../data/area-source'
import { now } from '../../shared/clock'
import { type ErrorDetail, isAppError, NotFoundError, UnsupportedMediaTypeError } from '../../shared/errors'
import { hostCookie, readHostCookie } from '../../shared/cookies'
import { publicAction } from '../runtime/action'
import { detailsFromZod } from '../runtime/parse'
import { isFormPost, readForm } from '../../web/form-data'
import { confirmationPage, requestFormPage } from '../../web/request-form-page'
import { FOR_OTHER_PARAM, FOR_OTHER_VALUE, MODE_FIELD } from '../../web/request-form-reporter'
import { statusPageUrl } from '../../core/case/status-url'
import { env } from '../../shared/env'
import { residentActor } from '../cases/resident-actor'
import { areaStepsOf, formKeyOf, newFormKey, RESENT_NOTICE, withConsentTicked } from '../runtime/filing-form'

// The birth-date bounds move with the clock: `createIntakeSchema` keeps one schema per day.
const intakeSchema = () => createIntakeSchema(loadAreaIndex(), now())

const IDEMPOTENCY_FIELD = '_idempotencyKey'
// Tells the confirmation page that a NIK-like number in the description was masked (no PII in the URL).
const MASKED_FLAG = 'disamarkan'

const formModel = (
  values: Record<string, string>,
  errors: readonly ErrorDetail[],
  areaQuery: string | undefined,
  idempotencyKey: string,
  forOther: boolean,
  notice?: string,
) => ({ values, errors, ...areaStepsOf(areaQuery), idempotencyKey, forOther, ...(notice ? { notice } : {}) })

export const showRequestForm = publicAction(async (request) =>
  requestFormPage(
    formModel(
      {},
      [],
      request.event.queryStringParameters?.area,
      newFormKey('form'),
      request.event.queryStringParameters?.[FOR_OTHER_PARAM] === FOR_OTHER_VALUE,
    ),
  ),
)

export const submitRequestForm = publicAction(async (request) => {
  if (!isFormPost(request.event.headers['content-type']))
    throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded')
  const form = readForm(request.body, { omit: [IDEMPOTENCY_FIELD, MODE_FIELD] })
  const { values } = form
  const forOther = values[MODE_FIELD] === FOR_OTHER_VALUE
  const idempotencyKey = formKeyOf('form', values[IDEMPOTENCY_FIELD])
  const body = withConsentTicked(form.body)
  const rerender = (
    errors: readonly ErrorDetail[],
    statusCode: number,
    key = idempotencyKey,
    notice?: string,
  ) =>
    requestFormPage(
      formModel(values, errors, values['applicant.villageCode'], key, forOther, notice),
      statusCode,
    )

  const parsed = intakeSchema().safeParse(body)
  if (!parsed.success || form.problems.length > 0)
    return rerender([...form.problems, ...(parsed.success ? [] : detailsFromZod(parsed.error))], 400)
  try {
    const receipt = await submitIntake(parsed.data, {
      idempotencyKey,
      bodyHash: intakeBodyHash(body),
      actor: residentActor(request.event),
      correlationId: request.correlationId,
    })
    return {
      statusCode: 303,
      headers: {
        location: `/confirmation?reference=${encodeURIComponent(receipt.reference)}${
          receipt.descriptionMasked ? `&${MASKED_FLAG}=1` : ''
        }`,
        'cache-control': 'no-store',
      },
      // The access code rides in a short-lived cookie, never in the URL (ADR 0011).
      cookies: [confirmationCookie(receipt.reference, receipt.accessCode)],
      body: '',
    }
  } catch (error) {
    if (isAppError(error) && error.status === 409) return rerender([], 409, newFormKey('form'), RESENT_NOTICE)
    throw error
  }
})

const CONFIRMATION_COOKIE = 'confirmation'
/** Long enough to write the code down after filing; the email keeps it for good. */
const CONFIRMATION_TTL_SECONDS = 30 * 60

const confirmationCookie = (reference: string, accessCode: string): string =>
  hostCookie(CONFIRMATION_COOKIE, `${reference}.${accessCode}`, {
    maxAgeSeconds: CONFIRMATION_TTL_SECONDS,
    sameSite: 'Strict',
  })

/**
 * Shows only the reference in the URL: nothing is looked up, so nothing can leak. The
 * access code is shown when this browser filed that reference (its confirmation cookie).
 */
export const showConfirmation = publicAction(async (request) => {
  const query = request.event.queryStringParameters ?? {}
  const parsed = referenceSchema.safeParse(query.reference ?? '')
  if (!parsed.success) throw new NotFoundError('Halaman tidak ditemukan.')
  const [reference, accessCode] = (readHostCookie(request.event, CONFIRMATION_COOKIE) ?? '').split('.', 2)
  return confirmationPage(
    {
      reference: parsed.data,
      accessCode: reference === parsed.data ? accessCode : undefined,
      statusUrl: statusPageUrl(env.publicBaseUrl(), parsed.data),
    },
    { descriptionMasked: query[MASKED_FLAG] === '1' },
  )
})
