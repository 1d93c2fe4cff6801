/**
 * `/staff/admin/penyedia` (issue 13): the admin's provider pages, a view over
 * `/api/admin/providers` run in process (`callApi`), so the pages can do exactly what the
 * API allows, with its checks and audit. Forms post without JavaScript; a refused post
 * comes back with the values kept and each error beside its field. They run in the admin
 * function, beside the staff admin pages and the provider API (ADR 0013).
 */
import { ALL_AREAS, areaLevel, kabupatenOf } from '../../core/areas/area-code'
import type { ProviderView } from '../../core/providers/provider-record'
import { loadAreaIndex } from '../../data/area-source'
import type { User } from '../../core/identity/user'
import { type ErrorDetail, isAppError, UnsupportedMediaTypeError } from '../../shared/errors'
import { type RequestContext, staffAction } from '../runtime/action'
import { isFormPost } from '../../web/form-data'
import type { ProviderFormModel } from '../../web/provider-form'
import { PROVIDERS_PATH, providerEditPage, providerListPage } from '../../web/provider-pages'
import { createProvider, listProviders, showProvider, updateProvider } from './providers'
import { callApi } from '../runtime/call-api'
import { assertCsrf, CSRF_FIELD } from '../../shared/auth/csrf'
import { areaName, staffContext } from '../runtime/staff-context'

type StaffRequest = RequestContext & { user: User }

const labelled = (code: string) => ({ code, name: areaName(code) })

/** The kabupaten/kota a page is about: the admin's own, or the one a national admin named. */
const pageKabupaten = (user: User, named: string | undefined): string | undefined =>
  user.area === ALL_AREAS ? named || undefined : areaLevel(user.area) === 'regency' ? user.area : undefined

const formModel = (
  request: StaffRequest,
  kabupaten: string,
  action: string,
  submitLabel: string,
  filled: { values: Record<string, string>; services: readonly string[]; areas: readonly string[] },
  errors: readonly ErrorDetail[] = [],
): ProviderFormModel => ({
  action,
  submitLabel,
  csrf: staffContext(request).csrf,
  ...filled,
  errors,
  kabupaten: labelled(kabupaten),
  kecamatan: loadAreaIndex()
    .children(kabupaten)
    .map((k) => ({ code: k.code, name: k.name })),
})

const EMPTY = { values: {}, services: [], areas: [] }

const filledFrom = (provider: ProviderView) => ({
  values: {
    name: provider.name,
    kind: provider.kind,
    email: provider.email,
    phone: provider.phone ?? '',
  },
  services: provider.services,
  areas: provider.areas,
})

/** The posted form: its typed values, the checked lists, and the API body they make. */
const readProviderForm = (request: StaffRequest) => {
  if (!isFormPost(request.event.headers['content-type']))
    throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded')
  const params = new URLSearchParams(request.body)
  assertCsrf(request.event, params.get(CSRF_FIELD) ?? undefined)
  const value = (name: string) => (params.get(name) ?? '').trim()
  const services = params.getAll('services')
  const areas = [
    ...params.getAll('areas'),
    ...value('desaAreas')
      .split(/[\s,;]+/)
      .filter(Boolean),
  ]
  const values = {
    name: value('name'),
    kind: value('kind'),
    email: value('email'),
    phone: value('phone'),
    desaAreas: value('desaAreas'),
  }
  return {
    kabupaten: value('kabupaten'),
    values,
    services,
    areas,
    body: {
      name: values.name,
      kind: values.kind,
      email: values.email,
      services,
      areas,
    },
    phone: values.phone,
    active: value('active'),
  }
}

/** The errors a form shows for a refused post (400 field errors, 409 email in use); anything else is thrown. */
const formErrors = (error: unknown): { errors: ErrorDetail[]; status: number } => {
  if (!isAppError(error) || (error.status !== 400 && error.status !== 409)) throw error
  return {
    errors: error.details.length > 0 ? error.details : [{ path: '', message: error.message }],
    status: error.status,
  }
}

const listPage = async (
  request: StaffRequest,
  named: string | undefined,
  options: { cursor?: string; notice?: string; form?: ProviderFormModel; status?: number } = {},
) => {
  const { user } = request
  const kabupaten = pageKabupaten(user, named)
  const base = {
    areaFree: user.area === ALL_AREAS,
    areaValue: named ?? '',
    areaName,
    ...(options.notice ? { notice: options.notice } : {}),
  }
  if (!kabupaten && user.area === ALL_AREAS)
    return providerListPage(staffContext(request), { ...base, areaErrors: [], items: [], nextCursor: null })
  try {
    const page = await callApi<{ items: ProviderView[]; nextCursor: string | null }>(listProviders, request, {
      query: { area: user.area === ALL_AREAS ? kabupaten : undefined, cursor: options.cursor, limit: '50' },
    })
    const home = kabupaten ?? user.area
    return providerListPage(
      staffContext(request),
      {
        ...base,
        kabupaten: labelled(home),
        areaErrors: [],
        ...page,
        form: options.form ?? formModel(request, home, PROVIDERS_PATH, 'Simpan penyedia', EMPTY),
      },
      options.status,
    )
  } catch (error) {
    if (!isAppError(error) || error.status !== 400) throw error
    return providerListPage(
      staffContext(request),
      { ...base, areaErrors: formErrors(error).errors, items: [], nextCursor: null },
      400,
    )
  }
}

export const staffProviders = staffAction(async (request) => {
  const query = request.event.queryStringParameters ?? {}
  return listPage(request, query.area, {
    ...(query.cursor ? { cursor: query.cursor } : {}),
    ...(query.disimpan ? { notice: `Penyedia ${query.disimpan} disimpan.` } : {}),
  })
})

export const submitNewProvider = staffAction(async (request) => {
  const form = readProviderForm(request)
  const kabupaten = pageKabupaten(request.user, form.kabupaten) ?? form.kabupaten
  try {
    const body = { ...form.body, ...(form.phone ? { phone: form.phone } : {}) }
    const created = await callApi<ProviderView>(createProvider, request, { body })
    const back = new URLSearchParams({
      ...(request.user.area === ALL_AREAS ? { area: kabupaten } : {}),
      disimpan: created.name,
    })
    return redirect(`${PROVIDERS_PATH}?${back}`)
  } catch (error) {
    const { errors, status } = formErrors(error)
    const form400 = formModel(request, kabupaten, PROVIDERS_PATH, 'Simpan penyedia', form, errors)
    return listPage(request, form.kabupaten, { form: form400, status })
  }
})

const editAction = (providerId: string) => `${PROVIDERS_PATH}/${providerId}`

const editPage = async (
  request: StaffRequest,
  options: {
    filled?: Parameters<typeof formModel>[4]
    errors?: ErrorDetail[]
    status?: number
    notice?: string
  } = {},
) => {
  const providerId = request.event.pathParameters?.providerId ?? ''
  const provider = await callApi<ProviderView>(showProvider, request, { pathParameters: { providerId } })
  const kabupaten = kabupatenOfProvider(provider)
  const back = request.user.area === ALL_AREAS ? `${PROVIDERS_PATH}?area=${kabupaten}` : PROVIDERS_PATH
  return providerEditPage(
    staffContext(request),
    {
      provider,
      backHref: back,
      ...(options.notice ? { notice: options.notice } : {}),
      form: formModel(
        request,
        kabupaten,
        editAction(provider.providerId),
        'Simpan perubahan',
        options.filled ?? filledFrom(provider),
        options.errors,
      ),
    },
    options.status,
  )
}

/** Every area of a provider lies in its one kabupaten/kota (checked on every write). */
const kabupatenOfProvider = (provider: ProviderView): string => kabupatenOf(provider.areas[0] ?? '') ?? ''

export const staffProvider = staffAction(async (request) => {
  const query = request.event.queryStringParameters ?? {}
  return editPage(request, query.disimpan ? { notice: 'Perubahan disimpan.' } : {})
})

export const submitProviderChange = staffAction(async (request) => {
  const form = readProviderForm(request)
  const providerId = request.event.pathParameters?.providerId ?? ''
  try {
    await callApi(updateProvider, request, {
      pathParameters: { providerId },
      body: { ...form.body, phone: form.phone || null },
    })
  } catch (error) {
    const { errors, status } = formErrors(error)
    return editPage(request, { filled: form, errors, status })
  }
  return redirect(`${editAction(providerId)}?disimpan=1`)
})

export const submitProviderStatus = staffAction(async (request) => {
  const form = readProviderForm(request)
  const providerId = request.event.pathParameters?.providerId ?? ''
  await callApi(updateProvider, request, {
    pathParameters: { providerId },
    body: { active: form.active === 'true' },
  })
  return redirect(`${editAction(providerId)}?disimpan=1`)
})

const redirect = (location: string) => ({
  statusCode: 303,
  headers: { location, 'cache-control': 'no-store' },
  body: '',
})
