/**
 * The staff administration pages (issue 13) over the admin API: every read and change
 * runs the API action in process (`callApi`), so a page shows and does exactly what
 * the API lets the admin see and do; its errors come back next to the fields.
 */
import type { StaffView } from '../../core/staff/staff-member'
import { localToday } from '../../flows/admin/local-today'
import type { User } from '../../core/identity/user'
import { type AppError, type ErrorDetail, isAppError, UnsupportedMediaTypeError } from '../../shared/errors'
import { type RequestContext, staffAction } from '../../http/runtime/action'
import { ownEntry } from '../../http/runtime/own-entry'
import {
  editStaffPage,
  formValuesOf,
  newStaffPage,
  STAFF_FILE_FIELD,
  staffListPage,
  type StaffListModel,
} from '../../web/admin-staff-pages'
import type { FormState } from '../../web/fields'
import { isFormPost, readForm } from '../../web/form-data'
import { callApi } from '../runtime/call-api'
import { assertCsrf, CSRF_FIELD } from '../../shared/auth/csrf'
import { readMultipart } from '../runtime/multipart'
import { areaName, staffContext } from '../runtime/staff-context'
import { XLSX_TYPE } from '../../core/spreadsheet/read-spreadsheet'
import { assertRoleMay } from './guard'
import { create, detail, importFile, list, update } from './staff-api'

type StaffRequest = RequestContext & { user: User }

const NO_FORM: FormState = { values: {}, errors: [] }

/** A user's mistake (4xx other than 401/403/404) to show on the form; anything else propagates. */
const formProblem = (error: unknown): AppError | undefined =>
  isAppError(error) && error.status >= 400 && error.status < 500 && ![401, 403, 404].includes(error.status)
    ? error
    : undefined

const detailsOf = (error: AppError): ErrorDetail[] =>
  error.details.length > 0 ? error.details : [{ path: '', message: error.message }]

const listModel = async (
  request: StaffRequest,
  extra: Partial<StaffListModel> = {},
): Promise<StaffListModel> => {
  assertRoleMay(request.user, 'staff:read')
  const query = request.event.queryStringParameters ?? {}
  const area = (query.area ?? '').trim() || undefined
  const base = {
    areaName,
    areaFilter: { values: { area: area ?? '' }, errors: [] },
    importForm: NO_FORM,
    ...extra,
  }
  // A national admin sees nothing until they pick a kabupaten/kota (or `*`).
  if (request.user.area === '*' && !area) return { ...base, items: [] }
  try {
    const page = await callApi<{ items: StaffView[]; nextCursor: string | null }>(list, request, {
      query: { area, cursor: query.cursor },
    })
    return { ...base, items: page.items, nextCursor: page.nextCursor, area: area ?? request.user.area }
  } catch (error) {
    const problem = formProblem(error)
    if (!problem) throw error
    return { ...base, items: [], areaFilter: { values: { area: area ?? '' }, errors: detailsOf(problem) } }
  }
}

export const staffListPageAction = staffAction(async (request) => {
  const model = await listModel(request)
  return staffListPage(staffContext(request), model, model.areaFilter.errors.length > 0 ? 400 : 200)
})

const readFormPost = (request: StaffRequest) => {
  if (!isFormPost(request.event.headers['content-type']))
    throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded')
  const form = readForm(request.body, { omit: [CSRF_FIELD] })
  assertCsrf(request.event, form.values[CSRF_FIELD])
  return form
}

/** The form's term fields as the API's `term`: absent (or null on a change) when all are blank. */
const withTerm = (body: Record<string, unknown>, blankTerm: undefined | null): Record<string, unknown> => {
  const term = body.term as Record<string, string> | undefined
  const blank = !term || Object.values(term).every((value) => value.trim() === '')
  const { term: _term, ...rest } = body
  if (!blank) return { ...rest, term }
  return blankTerm === null ? { ...rest, term: null } : rest
}

export const newStaffPageAction = staffAction(async (request) => {
  assertRoleMay(request.user, 'staff:manage')
  return newStaffPage(staffContext(request), NO_FORM)
})

export const createStaffPage = staffAction(async (request) => {
  assertRoleMay(request.user, 'staff:manage')
  const form = readFormPost(request)
  try {
    const { staffId } = await callApi<{ staffId: string }>(create, request, {
      body: withTerm(form.body, undefined),
    })
    return afterSaving(staffId, 'baru')
  } catch (error) {
    const problem = formProblem(error)
    if (!problem) throw error
    return newStaffPage(
      staffContext(request),
      { values: form.values, errors: detailsOf(problem) },
      problem.status,
    )
  }
})

const staffIdOf = (request: StaffRequest): string => request.event.pathParameters?.staffId ?? ''

/**
 * Back to the member's page, which says what was saved (`disimpan`): without it, a create
 * or a change ended on the same form as before, with nothing to tell that it worked.
 */
const afterSaving = (staffId: string, what: 'baru' | 'ubah') => ({
  statusCode: 303,
  headers: { location: `/staff/admin/petugas/${encodeURIComponent(staffId)}?disimpan=${what}` },
  body: '',
})

const SAVED_NOTICES: Readonly<Record<string, (member: StaffView) => string>> = {
  baru: (member) => `Petugas ${member.name} ditambahkan; ia masuk dengan nama pengguna ${member.username}.`,
  ubah: () => 'Perubahan disimpan.',
}

const loadMember = (request: StaffRequest): Promise<StaffView> =>
  callApi<StaffView>(detail, request, { pathParameters: { staffId: staffIdOf(request) } })

export const editStaffPageAction = staffAction(async (request) => {
  const member = await loadMember(request)
  const saved = ownEntry(SAVED_NOTICES, request.event.queryStringParameters?.disimpan)
  return editStaffPage(
    staffContext(request),
    member,
    { values: formValuesOf(member), errors: [] },
    saved ? { notice: saved(member) } : {},
  )
})

const patchAndShow = async (
  request: StaffRequest,
  body: Record<string, unknown>,
  values?: Record<string, string>,
) => {
  const pathParameters = { staffId: staffIdOf(request) }
  try {
    await callApi(update, request, { pathParameters, body })
    return afterSaving(pathParameters.staffId, 'ubah')
  } catch (error) {
    const problem = formProblem(error)
    if (!problem) throw error
    const member = await loadMember(request)
    const ctx = staffContext(request)
    return values
      ? editStaffPage(ctx, member, { values, errors: detailsOf(problem) }, { statusCode: problem.status })
      : editStaffPage(
          ctx,
          member,
          { values: formValuesOf(member), errors: [] },
          { statusErrors: detailsOf(problem), statusCode: problem.status },
        )
  }
}

export const updateStaffPage = staffAction(async (request) => {
  assertRoleMay(request.user, 'staff:manage')
  const form = readFormPost(request)
  return patchAndShow(request, withTerm(form.body, null), form.values)
})

export const staffStatusPage = staffAction(async (request) => {
  assertRoleMay(request.user, 'staff:manage')
  const form = readFormPost(request)
  const action = form.values.aksi
  if (action === 'aktifkan') return patchAndShow(request, { active: true })
  if (action === 'nonaktifkan') return patchAndShow(request, { active: false })
  const member = await loadMember(request)
  if (action === 'akhiri-tugas' && member.term) {
    // The term runs through its end date: ending it today also ends the access now.
    const today = localToday(member.area)
    const end = today < member.term.start ? member.term.start : today
    return patchAndShow(request, { active: false, term: { ...member.term, end } })
  }
  return editStaffPage(
    staffContext(request),
    member,
    { values: formValuesOf(member), errors: [] },
    { statusErrors: [{ path: 'aksi', message: 'Tindakan tidak dikenal.' }], statusCode: 400 },
  )
})

// `.txt`: Excel's "Unicode Text" export, read as a tab-separated CSV.
const FILE_TYPES: Readonly<Record<string, string>> = { csv: 'text/csv', txt: 'text/plain', xlsx: XLSX_TYPE }

export const importStaffPage = staffAction(async (request) => {
  assertRoleMay(request.user, 'staff:manage')
  const form = await readMultipart(request, request.route.maxBodyBytes ?? 0)
  assertCsrf(request.event, form.fields[CSRF_FIELD])
  const file = form.files.find((f) => f.field === STAFF_FILE_FIELD)
  const fail = async (errors: ErrorDetail[], status: number) =>
    staffListPage(
      staffContext(request),
      await listModel(request, { importForm: { values: {}, errors } }),
      status,
    )
  if (!file || file.filename === '')
    return fail([{ path: STAFF_FILE_FIELD, message: 'Pilih berkas CSV atau XLSX.' }], 400)
  if (file.truncated) return fail([{ path: STAFF_FILE_FIELD, message: 'Berkas terlalu besar.' }], 413)
  const type = FILE_TYPES[file.filename.split('.').pop()?.toLowerCase() ?? '']
  if (!type)
    return fail([{ path: STAFF_FILE_FIELD, message: 'Berkas harus berakhiran .csv, .txt atau .xlsx.' }], 400)
  try {
    const result = await importFile.run({
      ...request,
      event: { ...request.event, headers: { ...request.event.headers, 'content-type': type } },
      body: file.bytes.toString('utf8'),
      bodyBytes: file.bytes,
    })
    const imported = JSON.parse(result.body ?? '{}') as { created: number; updated: number }
    return staffListPage(staffContext(request), await listModel(request, { imported }))
  } catch (error) {
    const problem = formProblem(error)
    if (!problem) throw error
    return fail(detailsOf(problem), problem.status)
  }
})
