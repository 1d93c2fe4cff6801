/**
 * The verval pages (issue 7/8): the batch list with the TKSK's upload form, the upload
 * post (multipart, read with busboy, then the same upload action as `POST /api/verval`),
 * the templates, and the batch page. Reads go through the verval API actions, so the
 * pages show only what the API lets the caller see. They run in the verval function, which
 * alone holds the upload bucket and the verval workflow's start and stop (ADR 0013).
 */
import { areaLevel } from '../../core/areas/area-code'
import { timeZoneOfArea } from '../../core/areas/time-zones'
import { roleMay } from '../../core/authorization/can'
import { localDateOf } from '../../core/calendar/local-date'
import { diffBatches } from '../../core/verval/batch-diff'
import { MAX_DIRECT_FORM_BYTES } from '../../core/spreadsheet/limits'
import type { RowError } from '../../core/verval/row-error'
import { readRows } from '../../data/batch-chunks'
import { previousAppliedBatch } from '../../data/batch-queries'
import type { User } from '../../core/identity/user'
import { now } from '../../shared/clock'
import { type ErrorDetail, ForbiddenError, isAppError } from '../../shared/errors'
import { staffAction } from '../runtime/action'
import { type BatchPageModel, type BatchPageView, vervalBatchPage } from '../../web/verval-batch-page'
import { FILE_FIELD, vervalListPage } from '../../web/verval-list-page'
import { templateCsv, templateXlsx } from '../../web/verval-templates'
import { detail } from './detail'
import { errors as errorsAction } from './errors'
import { XLSX_TYPE } from '../../core/spreadsheet/read-spreadsheet'
import { presignUpload } from './presign-upload'
import { upload } from './upload'
import { json } from '../runtime/responses'
import { callApi, callApiResult } from '../runtime/call-api'
import { readForm } from '../../web/form-data'
import { nationalExport } from './national-export'
import { assertCsrf, CSRF_FIELD } from '../../shared/auth/csrf'
import { readMultipart } from '../runtime/multipart'
import { SHEET_FILE_TYPES } from '../runtime/verval-sheet'
import { desaPartsModel } from './desa-part-pages'
import { listModel, type StaffRequest } from './verval-list-model'
import { areaName, staffContext } from '../runtime/staff-context'

const mayUpload = (user: User): boolean =>
  roleMay(user.role, 'verval:upload') && areaLevel(user.area) === 'district'

const currentPeriod = (area: string): string =>
  localDateOf(now(), timeZoneOfArea(area) ?? 'Asia/Jakarta').slice(0, 7)

const mayExport = (user: User): boolean =>
  roleMay(user.role, 'verval:export') && areaLevel(user.area) === 'regency'

/** The export form's first values: last month's period (the one just approved), XLSX, new batches only. */
const exportDefaults = (area: string) => {
  const [year = 0, month = 1] = currentPeriod(area).split('-').map(Number)
  const previous = new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 7)
  return { program: '', period: previous, purpose: '', format: 'xlsx', includeSent: 'false' }
}

export const staffVerval = staffAction(async (request) => {
  const upload = mayUpload(request.user)
    ? { values: { program: '', period: currentPeriod(request.user.area) }, errors: [] }
    : undefined
  const model = await listModel(request, upload)
  const page = mayExport(request.user)
    ? { ...model, nationalExport: { values: exportDefaults(request.user.area), errors: [] } }
    : model
  const desaParts = await desaPartsModel(request)
  return vervalListPage(
    staffContext(request),
    { ...page, ...(desaParts ? { desaParts } : {}) },
    model.areaFilter?.errors.length ? 400 : 200,
  )
})

/**
 * `POST /staff/verval/ekspor`: the export form runs the API's export action in process
 * (same authorization, audit and sent rule) and answers with its file; the API's 400 or
 * 409 comes back as the form with the message beside its field.
 */
export const submitNationalExport = staffAction(async (request) => {
  if (!mayExport(request.user)) throw new ForbiddenError()
  const form = readForm(request.bodyBytes.toString('utf8'), { omit: [CSRF_FIELD] })
  assertCsrf(request.event, form.values[CSRF_FIELD])
  const body = { ...form.body, includeSent: form.values.includeSent === 'true' }
  try {
    return await callApiResult(nationalExport, request, { body })
  } catch (error) {
    if (!isAppError(error) || error.status === 403 || error.status === 401) throw error
    const errors = error.details.length > 0 ? error.details : [{ path: '', message: error.message }]
    const model = await listModel(request)
    return vervalListPage(
      staffContext(request),
      { ...model, nationalExport: { values: form.values, errors } },
      error.status,
    )
  }
})

const fileError = (message: string): ErrorDetail[] => [{ path: FILE_FIELD, message }]

/** What the upload action reads: the file itself, or (ADR 0018) the id of a file the page's script put in the bucket. */
const uploadBody = (
  fields: Record<string, string>,
  file: { filename: string; bytes: Buffer; truncated: boolean } | undefined,
): { type: string; bytes: Buffer } | { errors: ErrorDetail[]; status: number } => {
  const uploadId = fields.uploadId?.trim()
  if (uploadId && (!file || file.filename === ''))
    return { type: 'application/json', bytes: Buffer.from(JSON.stringify({ uploadId }), 'utf8') }
  if (!file || file.filename === '') return { errors: fileError('Pilih berkas CSV atau XLSX.'), status: 400 }
  if (file.truncated)
    return {
      errors: fileError(
        'Berkas lebih besar dari 4 MiB. Tanpa JavaScript berkas dikirim langsung, hingga 4 MiB; ' +
          'aktifkan JavaScript untuk mengunggah berkas hingga 5 MiB.',
      ),
      status: 413,
    }
  const type = SHEET_FILE_TYPES[file.filename.split('.').pop()?.toLowerCase() ?? '']
  if (!type) return { errors: fileError('Berkas harus berakhiran .csv, .txt atau .xlsx.'), status: 400 }
  return { type, bytes: file.bytes }
}

/** The upload action's answer to the form's file, or the problems to show on the form. */
const submitUpload = async (
  request: StaffRequest,
  fields: Record<string, string>,
  file: { filename: string; bytes: Buffer; truncated: boolean } | undefined,
): Promise<{ batchId: string } | { errors: ErrorDetail[]; status: number }> => {
  const body = uploadBody(fields, file)
  if ('errors' in body) return body
  const query = { program: fields.program ?? '', period: fields.period ?? '' }
  const event = {
    ...request.event,
    headers: { ...request.event.headers, 'content-type': body.type },
    queryStringParameters: query,
  }
  try {
    const result = await upload.run({
      ...request,
      event,
      body: body.bytes.toString('utf8'),
      bodyBytes: body.bytes,
    })
    return JSON.parse(result.body ?? '{}') as { batchId: string }
  } catch (error) {
    if (!isAppError(error) || error.status === 403 || error.status === 401) throw error
    const details = error.details.length > 0 ? error.details : [{ path: '', message: error.message }]
    return { errors: details, status: error.status }
  }
}

export const submitVervalUpload = staffAction(async (request) => {
  if (!mayUpload(request.user)) throw new ForbiddenError()
  const form = await readMultipart(request, MAX_DIRECT_FORM_BYTES)
  assertCsrf(request.event, form.fields[CSRF_FIELD])
  const outcome = await submitUpload(
    request,
    form.fields,
    form.files.find((f) => f.field === FILE_FIELD),
  )
  if ('batchId' in outcome)
    return { statusCode: 303, headers: { location: `/staff/verval/${outcome.batchId}` }, body: '' }
  const values = { program: form.fields.program ?? '', period: form.fields.period ?? '' }
  return vervalListPage(
    staffContext(request),
    await listModel(request, { values, errors: outcome.errors }),
    outcome.status,
  )
})

/**
 * `POST /staff/verval/unggah` (ADR 0018): the upload form's script asks here, with the
 * session's CSRF token in a header, for the presigned URL of `POST /api/verval/uploads`.
 */
export const presignVervalPageUpload = staffAction(async (request) => {
  if (!mayUpload(request.user)) throw new ForbiddenError()
  assertCsrf(request.event, request.event.headers['x-csrf-token'])
  let body: unknown
  try {
    body = JSON.parse(request.bodyBytes.toString('utf8'))
  } catch {
    body = undefined
  }
  return json(201, await callApi(presignUpload, request, { body }))
})

const download = (type: string, filename: string) => ({
  'content-type': type,
  'content-disposition': `attachment; filename="${filename}"`,
  'cache-control': 'no-store',
})

export const vervalTemplateCsv = staffAction(async () => ({
  statusCode: 200,
  headers: download('text/csv; charset=utf-8', 'template-verval.csv'),
  body: templateCsv(),
}))

export const vervalTemplateXlsx = staffAction(async () => ({
  statusCode: 200,
  headers: download(XLSX_TYPE, 'template-verval.xlsx'),
  body: (await templateXlsx()).toString('base64'),
  isBase64Encoded: true,
}))

/** The diff needs the validated rows: none while the batch is still being validated. */
const comparisonOf = async (
  view: BatchPageView,
  errors: readonly RowError[],
): Promise<BatchPageModel['comparison']> => {
  if (view.status === 'VALIDATING' || view.rows === 0) return undefined
  const base = await previousAppliedBatch(view)
  const [previous, current] = await Promise.all([
    base ? readRows(base.batchId, 1, base.rows) : Promise.resolve([]),
    readRows(view.batchId, 1, view.rows),
  ])
  return {
    ...(base ? { base: { batchId: base.batchId, period: base.period } } : {}),
    diff: diffBatches(previous, current, new Set(errors.map((error) => error.row))),
  }
}

export const staffVervalBatch = staffAction(async (request) => {
  const call = { pathParameters: { batchId: request.event.pathParameters?.batchId ?? '' } }
  const view = await callApi<BatchPageView>(detail, request, call)
  const { items } = await callApi<{ items: RowError[] }>(errorsAction, request, call)
  return vervalBatchPage(staffContext(request), {
    batch: view,
    errors: items,
    ...(await comparisonOf(view, items).then((comparison) => (comparison ? { comparison } : {}))),
    areaName,
  })
})
