/**
 * `/cek-kpm` (issue 15.5, ADR 0030): `GET` shows the form, `POST` runs `POST
 * /api/kpm/check` itself, so the page and the API share the validation, the 5-miss lock,
 * the audit entry and (by the route table's `rateBudget`) one per-IP budget. The form
 * posts, so neither the KK nor the birth date lands in a URL.
 */
import { type ErrorDetail, isAppError, UnsupportedMediaTypeError } from '../../shared/errors'
import { publicAction } from '../runtime/action'
import { isFormPost, readForm } from '../../web/form-data'
import type { KpmCheckView } from '../../core/kpm/kpm-check'
import { kpmCheckPage } from '../../web/kpm-check-page'
import { check } from '../kpm/check'
import { callApi } from '../runtime/call-api'

export const showKpmCheck = publicAction(async () =>
  kpmCheckPage({ values: { kk: '', birthDate: '' }, errors: [] }),
)

const typed = (value: unknown): string => (typeof value === 'string' ? value : '')

export const submitKpmCheck = publicAction(async (request) => {
  if (!isFormPost(request.event.headers['content-type']))
    throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded')
  const { body } = readForm(request.body)
  const empty = { kk: '', birthDate: '' }
  try {
    const result = await callApi<KpmCheckView>(check, request, { body })
    return kpmCheckPage({ values: empty, errors: [], result })
  } catch (error) {
    if (!isAppError(error)) throw error
    // A miss keeps the KK to correct the date; a lock shows nothing typed.
    if (error.status === 404)
      return kpmCheckPage(
        { values: { ...empty, kk: typed(body.kk) }, errors: [], notFound: error.message },
        404,
      )
    if (error.status === 429)
      return kpmCheckPage({ values: empty, errors: [], notFound: error.message }, 429, error.headers)
    if (error.status === 400)
      return kpmCheckPage(
        {
          values: { kk: typed(body.kk), birthDate: typed(body.birthDate) },
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
