/**
 * `/staff/ppks`, `/staff/ppks/{ppksId}` and `/staff/peta-sosial` (issue 16 items 1 and 3,
 * ADR 0038): views over the API run in process (`callApi`), so a page shows and changes
 * exactly what the API allows, with its checks and audit (a sensitive entry's page is
 * audited by the API's read). Forms post without JavaScript; a refused post comes back
 * with the values kept and each error beside its field.
 */
import { ALL_AREAS, areaLevel } from '../../core/areas/area-code'
import { can, roleMay } from '../../core/authorization/can'
import { mapTable } from '../../core/ppks/map-table'
import type { SocialMap } from '../../core/ppks/ppks-map'
import type { PpksListItem, PpksView } from '../../core/ppks/ppks-record'
import type { DesaCount } from '../../core/ppks/register-counts'
import { loadAreaIndex } from '../../data/area-source'
import { CSRF_FIELD } from '../../shared/auth/csrf'
import type { ErrorDetail } from '../../shared/errors'
import { editValues, ppksDetailPage } from '../../web/ppks-detail-page'
import { type PpksAreaCase, ppksEntryPath, ppksPage } from '../../web/ppks-page'
import { socialMapPage } from '../../web/social-map-page'
import { staffAction } from '../runtime/action'
import { callApi } from '../runtime/call-api'
import { areaName, placeName, staffContext } from '../runtime/staff-context'
import { createPpks, listPpks, openPpksCase, showPpks, socialMap, updatePpks } from './ppks'
import { areaChoices, formErrors, postedForm, redirect, type StaffRequest, titleOf } from './register-pages'

interface RegisterAnswer {
  items: PpksListItem[]
  cases: PpksAreaCase[]
  counts: DesaCount[]
}

/** The posted fields without the CSRF token, and a reader of one trimmed value. */
const formValues = (params: URLSearchParams) => ({
  values: Object.fromEntries([...params.entries()].filter(([name]) => name !== CSRF_FIELD)),
  value: (name: string) => (params.get(name) ?? '').trim(),
})

/** The fields given (blank ones left out: the schema reads absence as "not given"). */
const given = (entries: [string, string][]) => Object.fromEntries(entries.filter(([, v]) => v !== ''))

// ---- The register ---------------------------------------------------------------------

const registerView = async (
  request: StaffRequest,
  options: { notice?: string; values?: Record<string, string>; errors?: ErrorDetail[]; status?: number } = {},
) => {
  const { user } = request
  let answer: RegisterAnswer = { items: [], cases: [], counts: [] }
  let listErrors: ErrorDetail[] = []
  try {
    answer = await callApi<RegisterAnswer>(listPpks, request)
  } catch (error) {
    listErrors = formErrors(error).errors
  }
  const mayAdd = roleMay(user.role, 'ppks:write') && areaLevel(user.area) === 'district'
  return ppksPage(
    staffContext(request),
    {
      title: titleOf('PPKS', user),
      ...answer,
      listErrors,
      placeName,
      ...(options.notice ? { notice: options.notice } : {}),
      ...(mayAdd
        ? {
            form: {
              values: options.values ?? {},
              errors: options.errors ?? [],
              choices: areaChoices(user, false),
            },
          }
        : {}),
    },
    options.status,
  )
}

export const ppksListPage = staffAction(async (request) =>
  registerView(
    request,
    request.event.queryStringParameters?.disimpan ? { notice: 'Data PPKS disimpan.' } : {},
  ),
)

export const submitPpksPage = staffAction(async (request) => {
  const { values, value } = formValues(postedForm(request))
  const body = {
    ...given(
      (['subject', 'category', 'name', 'desa', 'nik', 'birthDate', 'address', 'notes'] as const).map((f) => [
        f,
        value(f),
      ]),
    ),
    ...(value('members') ? { members: value('members') } : {}),
  }
  try {
    const created = await callApi<PpksView>(createPpks, request, { body })
    return redirect(`${ppksEntryPath(created.ppksId)}?disimpan=1`)
  } catch (error) {
    const { errors, status } = formErrors(error)
    return registerView(request, { values, errors, status })
  }
})

// ---- One entry ---------------------------------------------------------------------------

type PostedState = { values: Record<string, string>; errors: ErrorDetail[] }

/** The entry's page; a refused post names its form (`case` or `edit`), which keeps the values typed. */
const entryView = async (
  request: StaffRequest,
  ppksId: string,
  options: { notice?: string; refused?: { form: 'case' | 'edit' } & PostedState; status?: number } = {},
) => {
  const entry = await callApi<PpksView>(showPpks, request, { pathParameters: { ppksId } })
  const mayOpenCase = !entry.case && entry.active && can(request.user, 'case:create', { area: entry.desa })
  const mayEdit = can(request.user, 'ppks:write', { area: entry.desa })
  const stateOf = (form: 'case' | 'edit', fresh: Record<string, string>) =>
    options.refused?.form === form ? options.refused : { values: fresh, errors: [] }
  return ppksDetailPage(
    staffContext(request),
    {
      entry,
      placeName,
      ...(options.notice ? { notice: options.notice } : {}),
      ...(mayOpenCase ? { caseForm: stateOf('case', {}) } : {}),
      ...(mayEdit ? { editForm: stateOf('edit', editValues(entry)) } : {}),
    },
    options.status,
  )
}

const ppksIdParam = (request: StaffRequest) => request.event.pathParameters?.ppksId ?? ''

export const ppksEntryPage = staffAction(async (request) => {
  const query = request.event.queryStringParameters ?? {}
  const notice = query.kasus
    ? `Kasus ${query.kasus} dibuat dari data ini.`
    : query.disimpan
      ? 'Data PPKS disimpan.'
      : undefined
  return entryView(request, ppksIdParam(request), notice ? { notice } : {})
})

const CASE_APPLICANT_FIELDS = [
  'nikStatus',
  'kk',
  'kkStatus',
  'birthDateStatus',
  'estimatedAge',
  'address',
  'phone',
] as const

export const submitPpksCasePage = staffAction(async (request) => {
  const ppksId = ppksIdParam(request)
  const { values, value } = formValues(postedForm(request))
  const applicant = given(CASE_APPLICANT_FIELDS.map((f) => [f, value(`applicant.${f}`)]))
  const body = {
    ...given([
      ['service', value('service')],
      ['description', value('description')],
    ]),
    ...(Object.keys(applicant).length > 0 ? { applicant } : {}),
    ...(value('consent') === 'true' ? { consent: true } : {}),
  }
  try {
    const opened = await callApi<{ reference: string }>(openPpksCase, request, {
      pathParameters: { ppksId },
      body,
    })
    return redirect(`${ppksEntryPath(ppksId)}?${new URLSearchParams({ kasus: opened.reference })}`)
  } catch (error) {
    const { errors, status } = formErrors(error)
    return entryView(request, ppksId, { refused: { form: 'case', values, errors }, status })
  }
})

/** "Ubah data": the form's fields as a PATCH; a field left blank is removed. */
export const submitPpksEditPage = staffAction(async (request) => {
  const ppksId = ppksIdParam(request)
  const { values, value } = formValues(postedForm(request))
  const orNull = (name: string) => value(name) || null
  const body = {
    subject: value('subject'),
    category: value('category'),
    name: value('name'),
    address: orNull('address'),
    members: orNull('members'),
    notes: orNull('notes'),
    active: value('active') === 'true',
  }
  try {
    await callApi<PpksView>(updatePpks, request, { pathParameters: { ppksId }, body })
    return redirect(`${ppksEntryPath(ppksId)}?disimpan=1`)
  } catch (error) {
    const { errors, status } = formErrors(error)
    return entryView(request, ppksId, { refused: { form: 'edit', values, errors }, status })
  }
})

// ---- The social map ----------------------------------------------------------------------

/** A Dinsos-level user looks at the kabupaten or one of its kecamatan; a TKSK only its own. */
const mapChoices = (request: StaffRequest) => {
  const { area } = request.user
  if (area === ALL_AREAS || areaLevel(area) !== 'regency') return []
  const kecamatan = loadAreaIndex()
    .children(area)
    .map((k) => ({ value: k.code, label: `Kec. ${k.name}` }))
  return [{ value: area, label: `Seluruh ${placeName(area)}` }, ...kecamatan]
}

export const socialMapPageAction = staffAction(async (request) => {
  const requested = request.event.queryStringParameters?.area
  const base = {
    title: titleOf('Peta sosial', request.user),
    placeName,
    rowName: areaName,
    choices: mapChoices(request),
  }
  try {
    const answer = await callApi<SocialMap & { area: string; level: string }>(socialMap, request, {
      query: { area: requested },
    })
    const table = mapTable(answer, {
      rowLabel: answer.level === 'district' ? 'Desa/kelurahan' : 'Kecamatan',
      placeName: areaName,
    })
    return socialMapPage(staffContext(request), {
      ...base,
      title: `Peta sosial — ${placeName(answer.area)}`,
      area: answer.area,
      map: answer,
      table,
      errors: [],
    })
  } catch (error) {
    const { errors, status } = formErrors(error)
    return socialMapPage(staffContext(request), { ...base, errors }, status)
  }
})
