/** The pengesahan day page (issue 21.5, ADR 0035) over `GET/PUT /api/admin/pengesahan/{kabupaten}`. */
import { areaLevel, kabupatenOf } from '../../core/areas/area-code'
import type { PengesahanDay } from '../../core/verval/pengesahan'
import { assertCsrf, CSRF_FIELD } from '../../shared/auth/csrf'
import { isAppError, UnsupportedMediaTypeError } from '../../shared/errors'
import { adminPengesahanPage } from '../../web/admin-pengesahan-page'
import { isFormPost, readForm } from '../../web/form-data'
import { staffAction } from '../runtime/action'
import { callApi } from '../runtime/call-api'
import { staffContext } from '../runtime/staff-context'
import { assertRoleMay } from './guard'
import { getPengesahanDay, putPengesahanDay } from './pengesahan-api'

export const pengesahanPage = staffAction(async (request) => {
  assertRoleMay(request.user, 'pengesahan:manage')
  const query = request.event.queryStringParameters ?? {}
  const area =
    query.area ?? (areaLevel(request.user.area) === 'province' ? '' : kabupatenOf(request.user.area))
  const day =
    area && areaLevel(area) === 'regency'
      ? await callApi<PengesahanDay>(getPengesahanDay, request, { pathParameters: { kabupaten: area } })
      : undefined
  return adminPengesahanPage(staffContext(request), {
    form: { values: { area: area ?? '', day: day ? String(day.day) : '' }, errors: [] },
    watched: day?.source === 'stored',
    saved: query.tersimpan === '1',
  })
})

export const savePengesahanPage = staffAction(async (request) => {
  assertRoleMay(request.user, 'pengesahan:manage')
  if (!isFormPost(request.event.headers['content-type']))
    throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded')
  const { values } = readForm(request.body)
  assertCsrf(request.event, values[CSRF_FIELD])
  const area = (values.area ?? '').trim()
  const form = { area, day: values.day ?? '' }
  try {
    const dayNumber = /^\d{1,2}$/.test(form.day) ? Number(form.day) : form.day
    await callApi(putPengesahanDay, request, {
      pathParameters: { kabupaten: area },
      body: { day: dayNumber },
    })
  } catch (error) {
    if (isAppError(error) && error.status === 400) {
      // The kabupaten comes in the API's path: its problem (no path of its own) belongs to the area field.
      const errors =
        error.details.length > 0
          ? error.details.map((detail) => (detail.path === '' ? { ...detail, path: 'area' } : detail))
          : [{ path: 'area', message: error.message }]
      return adminPengesahanPage(
        staffContext(request),
        { form: { values: form, errors }, watched: false, saved: false },
        400,
      )
    }
    throw error
  }
  return {
    statusCode: 303,
    headers: {
      location: `/staff/admin/pengesahan?area=${encodeURIComponent(area)}&tersimpan=1`,
      'cache-control': 'no-store',
    },
    body: '',
  }
})
