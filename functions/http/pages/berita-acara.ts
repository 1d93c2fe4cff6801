/**
 * The Berita Acara pages (issue 21.3, ADR 0035): `GET /staff/berita-acara?area=&program=&period=`
 * shows the scope and prints the paper; its two forms post the issue and the signature
 * through the API actions, so the pages check and audit exactly what the API does. They
 * run in the pages function beside the Surat Rekomendasi (the QR library lives there).
 */
import { kabupatenOf } from '../../core/areas/area-code'
import type { BeritaAcaraFigures, BeritaAcaraRevision } from '../../core/verval/berita-acara'
import { can } from '../../core/authorization/can'
import { assertCsrf, CSRF_FIELD } from '../../shared/auth/csrf'
import { isAppError, UnsupportedMediaTypeError } from '../../shared/errors'
import { type BatchLine, beritaAcaraPage } from '../../web/berita-acara-page'
import type { FormState } from '../../web/fields'
import { isFormPost, readForm } from '../../web/form-data'
import { groupedCode } from '../../web/letter-verification-page'
import { qrCodeHtml } from '../../web/qr-code'
import { type RequestContext, staffAction } from '../runtime/action'
import { callApi } from '../runtime/call-api'
import { areaName, staffContext } from '../runtime/staff-context'
import type { User } from '../../core/identity/user'
import { issueBeritaAcaraAction, showBeritaAcara, signBeritaAcaraAction } from '../verval/berita-acara'

type StaffRequest = RequestContext & { user: User }

interface StateAnswer {
  scope: { area: string; program: BeritaAcaraRevision['program']; period: string }
  current: (BeritaAcaraRevision & { verifyUrl: string }) | null
  figures: BeritaAcaraFigures | null
  approved: BatchLine[]
  waiting: BatchLine[]
  changedSinceIssue: boolean
}

const EMPTY_FORM: FormState = { values: {}, errors: [] }

const render = async (
  request: StaffRequest,
  query: Record<string, string | undefined>,
  signForm: FormState = EMPTY_FORM,
  statusCode = 200,
) => {
  const state = await callApi<StateAnswer>(showBeritaAcara, request, { query })
  const current = state.current
  return beritaAcaraPage(
    staffContext(request),
    {
      scope: state.scope,
      approved: state.approved,
      waiting: state.waiting,
      changedSinceIssue: state.changedSinceIssue,
      ...(current && state.figures
        ? {
            document: {
              revision: current,
              figures: state.figures,
              verifyUrl: current.verifyUrl,
              qrCode: await qrCodeHtml(
                current.verifyUrl,
                `Kode QR verifikasi berita acara ${groupedCode(current.code)}`,
              ),
            },
          }
        : {}),
      mayIssue: can(request.user, 'verval:decide', { area: state.scope.area }),
      signForm,
      areaName,
      kabupaten: kabupatenOf(state.scope.area) ?? state.scope.area,
    },
    statusCode,
  )
}

export const staffBeritaAcara = staffAction(async (request) =>
  render(request, request.event.queryStringParameters ?? {}),
)

const readPostedForm = (request: StaffRequest) => {
  if (!isFormPost(request.event.headers['content-type']))
    throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded')
  const { values } = readForm(request.body)
  assertCsrf(request.event, values[CSRF_FIELD])
  const { [CSRF_FIELD]: _csrf, ...fields } = values
  return fields
}

const backTo = (scope: Record<string, string | undefined>) => ({
  statusCode: 303,
  headers: {
    location: `/staff/berita-acara?${new URLSearchParams({
      area: scope.area ?? '',
      program: scope.program ?? '',
      period: scope.period ?? '',
    }).toString()}`,
    'cache-control': 'no-store',
  },
  body: '',
})

export const submitBeritaAcaraIssue = staffAction(async (request) => {
  const fields = readPostedForm(request)
  await callApi(issueBeritaAcaraAction, request, { body: fields })
  return backTo(fields)
})

export const submitBeritaAcaraSignature = staffAction(async (request) => {
  const fields = readPostedForm(request)
  try {
    await callApi(signBeritaAcaraAction, request, { body: fields })
  } catch (error) {
    // A wrong field is shown beside it on the page; a refused second signature (409) too, above the form.
    if (isAppError(error) && (error.status === 400 || error.status === 409)) {
      const errors = error.details.length > 0 ? error.details : [{ path: 'signedOn', message: error.message }]
      const scope = { area: fields.area, program: fields.program, period: fields.period }
      return render(request, scope, { values: fields, errors }, error.status)
    }
    throw error
  }
  return backTo(fields)
})
