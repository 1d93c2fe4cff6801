/**
 * `/staff/psks` and `/staff/kegiatan` (issue 16): views over the registers' API run in
 * process (`callApi`), so the pages do exactly what the API allows, with its checks and
 * audit. Forms post without JavaScript; a refused post comes back with the values kept
 * and each error beside its field.
 */
import { ulid } from 'ulid'
import { areaLevel, kecamatanOf } from '../../core/areas/area-code'
import { timeZoneOfArea } from '../../core/areas/time-zones'
import { roleMay } from '../../core/authorization/can'
import type { ActivityView } from '../../core/activities/activity-record'
import type { User } from '../../core/identity/user'
import type { PsksView } from '../../core/psks/psks-record'
import { localDateOf } from '../../core/calendar/local-date'
import { loadAreaIndex } from '../../data/area-source'
import { assertCsrf, CSRF_FIELD } from '../../shared/auth/csrf'
import { now } from '../../shared/clock'
import { type ErrorDetail, isAppError, UnsupportedMediaTypeError } from '../../shared/errors'
import { ACTIVITIES_PATH, activityPage } from '../../web/activity-page'
import type { Choice } from '../../web/fields'
import { isFormPost } from '../../web/form-data'
import { PSKS_PATH, psksPage } from '../../web/psks-page'
import { type RequestContext, staffAction } from '../runtime/action'
import { callApi } from '../runtime/call-api'
import { placeName, staffContext } from '../runtime/staff-context'
import { listActivities, logActivity } from './activities'
import { createPsks, listPsks } from './psks'

export type StaffRequest = RequestContext & { user: User }

export const redirect = (location: string) => ({
  statusCode: 303,
  headers: { location, 'cache-control': 'no-store' },
  body: '',
})

/** The posted form's fields, CSRF checked. */
export const postedForm = (request: StaffRequest): URLSearchParams => {
  if (!isFormPost(request.event.headers['content-type']))
    throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded')
  const params = new URLSearchParams(request.body)
  assertCsrf(request.event, params.get(CSRF_FIELD) ?? undefined)
  return params
}

/** The errors a form shows for a refused post (400 field errors, 409); anything else is thrown. */
export const formErrors = (error: unknown): { errors: ErrorDetail[]; status: number } => {
  if (!isAppError(error) || (error.status !== 400 && error.status !== 409)) throw error
  return {
    errors: error.details.length > 0 ? error.details : [{ path: '', message: error.message }],
    status: error.status,
  }
}

/** Reads a list, or shows why it cannot (a national user with no area: 400 at `area`). */
export const listOrErrors = async <T>(read: () => Promise<{ items: T[] }>) => {
  try {
    return { items: (await read()).items, listErrors: [] as ErrorDetail[] }
  } catch (error) {
    return { items: [] as T[], listErrors: formErrors(error).errors }
  }
}

/** The desa/kelurahan of the user's kecamatan (and the kecamatan itself, where it may be chosen). */
export const areaChoices = (user: User, withKecamatan: boolean): Choice[] => {
  const kecamatan = areaLevel(user.area) === 'district' ? user.area : undefined
  if (!kecamatan) return []
  const areas = loadAreaIndex()
  const desa = areas.children(kecamatan).map((d) => ({ value: d.code, label: `${d.name} (${d.code})` }))
  return withKecamatan
    ? [{ value: kecamatan, label: `Seluruh Kecamatan ${areas.get(kecamatan)?.name ?? kecamatan}` }, ...desa]
    : desa
}

export const titleOf = (base: string, user: User) =>
  user.area === '*' ? base : `${base} — ${placeName(kecamatanOf(user.area) ?? user.area)}`

// ---- PSKS ------------------------------------------------------------------------------

const psksView = async (
  request: StaffRequest,
  options: { notice?: string; values?: Record<string, string>; errors?: ErrorDetail[]; status?: number } = {},
) => {
  const { user } = request
  const list = await listOrErrors(() => callApi<{ items: PsksView[] }>(listPsks, request))
  const mayAdd = roleMay(user.role, 'psks:write') && areaLevel(user.area) === 'district'
  return psksPage(
    staffContext(request),
    {
      title: titleOf('PSKS', user),
      ...list,
      placeName,
      ...(options.notice ? { notice: options.notice } : {}),
      ...(mayAdd
        ? {
            form: {
              values: options.values ?? {},
              errors: options.errors ?? [],
              choices: areaChoices(user, true),
              // Flagging a referral receiver is Dinsos's or the admin's (psks:vetReferrals).
              acceptsReferrals: roleMay(user.role, 'psks:vetReferrals')
                ? options.values?.acceptsReferrals === 'true'
                : undefined,
            },
          }
        : {}),
    },
    options.status,
  )
}

export const psksListPage = staffAction(async (request) => {
  const saved = request.event.queryStringParameters?.disimpan
  return psksView(request, saved ? { notice: `PSKS ${saved} disimpan.` } : {})
})

export const submitPsksPage = staffAction(async (request) => {
  const params = postedForm(request)
  const value = (name: string) => (params.get(name) ?? '').trim()
  const values = Object.fromEntries([...params.entries()].filter(([name]) => name !== CSRF_FIELD))
  const contact = Object.fromEntries(
    (['person', 'phone', 'email'] as const).flatMap((f) =>
      value(`contact.${f}`) ? [[f, value(`contact.${f}`)]] : [],
    ),
  )
  const body = {
    name: value('name'),
    kind: value('kind'),
    area: value('area'),
    contact,
    acceptsReferrals: value('acceptsReferrals') === 'true',
  }
  try {
    const created = await callApi<PsksView>(createPsks, request, { body })
    return redirect(`${PSKS_PATH}?${new URLSearchParams({ disimpan: created.name })}`)
  } catch (error) {
    const { errors, status } = formErrors(error)
    return psksView(request, { values, errors, status })
  }
})

// ---- Kegiatan ----------------------------------------------------------------------------

const thisMonth = (user: User): string =>
  localDateOf(now(), timeZoneOfArea(user.area) ?? 'Asia/Jakarta').slice(0, 7)

const activityView = async (
  request: StaffRequest,
  month: string,
  options: {
    notice?: string
    values?: Record<string, string>
    partners?: string[]
    errors?: ErrorDetail[]
    status?: number
  } = {},
) => {
  const { user } = request
  const list = await listOrErrors(() =>
    callApi<{ items: ActivityView[] }>(listActivities, request, { query: { month } }),
  )
  const mayLog = roleMay(user.role, 'activity:write') && areaLevel(user.area) === 'district'
  return activityPage(
    staffContext(request),
    {
      title: titleOf('Kegiatan', user),
      month,
      ...list,
      placeName,
      ...(options.notice ? { notice: options.notice } : {}),
      ...(mayLog
        ? {
            form: {
              // A refused post keeps its id: sending it again is the same kegiatan.
              activityId: options.values?.activityId || ulid(),
              values: options.values ?? {},
              partners: options.partners ?? [],
              errors: options.errors ?? [],
              choices: areaChoices(user, false),
            },
          }
        : {}),
    },
    options.status,
  )
}

export const activityListPage = staffAction(async (request) => {
  const query = request.event.queryStringParameters ?? {}
  const month = query.bulan || thisMonth(request.user)
  return activityView(request, month, query.disimpan ? { notice: 'Kegiatan disimpan.' } : {})
})

export const submitActivityPage = staffAction(async (request) => {
  const params = postedForm(request)
  const value = (name: string) => (params.get(name) ?? '').trim()
  const values = Object.fromEntries([...params.entries()].filter(([name]) => name !== CSRF_FIELD))
  const partners = params.getAll('partners')
  const body = {
    activityId: value('activityId'),
    kind: value('kind'),
    ...(partners.length > 0 ? { partners } : {}),
    date: value('date'),
    desa: value('desa'),
    ...(value('reached') ? { reached: Number(value('reached')) } : {}),
    notes: value('notes'),
  }
  try {
    const logged = await callApi<ActivityView>(logActivity, request, { body })
    return redirect(
      `${ACTIVITIES_PATH}?${new URLSearchParams({ bulan: logged.date.slice(0, 7), disimpan: '1' })}`,
    )
  } catch (error) {
    const { errors, status } = formErrors(error)
    const month = /^\d{4}-\d{2}$/.test(value('date').slice(0, 7))
      ? value('date').slice(0, 7)
      : thisMonth(request.user)
    return activityView(request, month, { values, partners, errors, status })
  }
})
