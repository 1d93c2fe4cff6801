/**
 * The desa parts on the verval pages (issue 21 item 1, ADR 0033): the section of
 * `/staff/verval` (per desa what arrived and what is missing, for the period picked), the
 * "kirim tautan" post and the compose post. They run the desa parts API actions in process
 * (`callApi`), so a page shows and does only what the API lets the caller.
 */
import { areaLevel } from '../../core/areas/area-code'
import { timeZoneOfArea } from '../../core/areas/time-zones'
import { roleMay } from '../../core/authorization/can'
import { localDateOf } from '../../core/calendar/local-date'
import { VERVAL_PROGRAMS, type VervalProgram } from '../../core/catalog/verval-programs'
import type { DesaPartLine } from '../../core/verval/desa-part'
import { MAX_DIRECT_FORM_BYTES } from '../../core/spreadsheet/limits'
import { assertCsrf, CSRF_FIELD } from '../../shared/auth/csrf'
import { now } from '../../shared/clock'
import { type ErrorDetail, ForbiddenError, isAppError } from '../../shared/errors'
import type { DesaPartsSection } from '../../web/verval-desa-parts-section'
import { FILE_FIELD } from '../../web/verval-file'
import { vervalListPage } from '../../web/verval-list-page'
import { readForm } from '../../web/form-data'
import { type RequestContext, staffAction } from '../runtime/action'
import { callApi } from '../runtime/call-api'
import { readMultipart } from '../runtime/multipart'
import { staffContext } from '../runtime/staff-context'
import { composeAction, desaPartsAction, sendDesaLinksAction } from './desa-parts'
import { listModel, type StaffRequest } from './verval-list-model'

interface Picked {
  program: VervalProgram
  period: string
  kecamatan: string
}

const isProgram = (value: string | undefined): value is VervalProgram =>
  (VERVAL_PROGRAMS as readonly string[]).includes(value ?? '')

/** The kecamatan, program and period the section shows: the TKSK's own kecamatan, or the one Dinsos named. */
const pickedOf = (request: StaffRequest, values: Record<string, string | undefined>): Picked | undefined => {
  const { user } = request
  const kecamatan = areaLevel(user.area) === 'district' ? user.area : (values.kecamatan ?? '').trim()
  if (areaLevel(kecamatan) !== 'district') return undefined
  const period = /^\d{4}-\d{2}$/.test(values.period ?? '')
    ? (values.period as string)
    : localDateOf(now(), timeZoneOfArea(kecamatan) ?? 'Asia/Jakarta').slice(0, 7)
  return { program: isProgram(values.program) ? values.program : 'BPNT', period, kecamatan }
}

const apiQuery = (picked: Picked) => ({
  program: picked.program,
  period: picked.period,
  ...(areaLevel(picked.kecamatan) === 'district' ? { kecamatan: picked.kecamatan } : {}),
})

/** The section of `/staff/verval`, or nothing for a caller without a kecamatan to show. */
export const desaPartsModel = async (
  request: StaffRequest,
  extra: Pick<DesaPartsSection, 'notice' | 'compose'> = {},
  values: Record<string, string | undefined> = request.event.queryStringParameters ?? {},
): Promise<{ kecamatan: string; section: DesaPartsSection } | undefined> => {
  const picked = pickedOf(request, values)
  const { role, area } = request.user
  const ownKecamatan = areaLevel(area) === 'district'
  if (!picked) {
    // Dinsos and the other readers of a wider area pick the kecamatan first.
    if (ownKecamatan || !roleMay(role, 'verval:read')) return undefined
    const period = /^\d{4}-\d{2}$/.test(values.period ?? '') ? (values.period as string) : ''
    return {
      kecamatan: '',
      section: {
        program: isProgram(values.program) ? values.program : 'BPNT',
        period,
        kecamatanPick: '',
        lines: [],
        mayRequest: false,
        mayCompose: false,
      },
    }
  }
  let lines: DesaPartLine[] = []
  try {
    ;({ items: lines } = await callApi<{ items: DesaPartLine[] }>(desaPartsAction, request, {
      query: apiQuery(picked),
    }))
  } catch (error) {
    // A period the API refuses, or a kecamatan outside the caller's scope, shows an empty
    // table under the picker; anything else is the page's error.
    if (!isAppError(error) || (error.status !== 400 && error.status !== 403)) throw error
  }
  return {
    kecamatan: picked.kecamatan,
    section: {
      program: picked.program,
      period: picked.period,
      ...(ownKecamatan ? {} : { kecamatanPick: picked.kecamatan }),
      lines,
      mayRequest: roleMay(role, 'verval:request-desa'),
      mayCompose: roleMay(role, 'verval:upload') && area === picked.kecamatan,
      ...extra,
    },
  }
}

const sectionPage = async (
  request: StaffRequest,
  statusCode: number,
  values: Record<string, string | undefined>,
  extra: Pick<DesaPartsSection, 'notice' | 'compose'>,
) => {
  const model = await listModel(request)
  const desaParts = await desaPartsModel(request, extra, values)
  return vervalListPage(staffContext(request), { ...model, ...(desaParts ? { desaParts } : {}) }, statusCode)
}

export const staffSendDesaLinks = staffAction(async (request) => {
  if (!roleMay(request.user.role, 'verval:request-desa')) throw new ForbiddenError()
  const { values } = readForm(request.body)
  assertCsrf(request.event, values[CSRF_FIELD])
  const picked = pickedOf(request, values)
  if (!picked) throw new ForbiddenError()
  try {
    const sent = await callApi<{ sent: string[]; alreadySent: string[]; withoutEmail: string[] }>(
      sendDesaLinksAction,
      request,
      { body: apiQuery(picked) },
    )
    const notice =
      `${sent.sent.length} tautan dikirim; ${sent.alreadySent.length} desa sudah dikirimi sebelumnya; ` +
      `${sent.withoutEmail.length} desa tanpa email diisi TKSK.`
    return await sectionPage(request, 200, values, { notice })
  } catch (error) {
    if (!isAppError(error) || error.status !== 400) throw error
    return sectionPage(request, 400, values, { notice: error.message })
  }
})

const asFormErrors = (details: readonly ErrorDetail[], message: string): ErrorDetail[] =>
  details.length > 0 ? [...details] : [{ path: FILE_FIELD, message }]

export const staffComposeBatch = staffAction(async (request) => {
  if (!roleMay(request.user.role, 'verval:upload')) throw new ForbiddenError()
  const form = await readMultipart(request, MAX_DIRECT_FORM_BYTES)
  assertCsrf(request.event, form.fields[CSRF_FIELD])
  const picked = pickedOf(request, form.fields)
  if (!picked) throw new ForbiddenError()
  const file = form.files.find((candidate) => candidate.field === FILE_FIELD && candidate.filename !== '')
  const type = file?.filename.toLowerCase().endsWith('.xlsx')
    ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    : 'text/csv'
  const bytes = file ? file.bytes : Buffer.alloc(0)
  const composeRequest: RequestContext = {
    ...request,
    event: {
      ...request.event,
      headers: { ...request.event.headers, 'content-type': type },
      queryStringParameters: { program: picked.program, period: picked.period },
    },
    body: bytes.toString('utf8'),
    bodyBytes: bytes,
  }
  try {
    const result = await composeAction.run(composeRequest as typeof request)
    const { batchId } = JSON.parse(result.body ?? '{}') as { batchId: string }
    return { statusCode: 303, headers: { location: `/staff/verval/${batchId}` }, body: '' }
  } catch (error) {
    if (!isAppError(error) || error.status === 401 || error.status === 403) throw error
    return sectionPage(request, error.status, form.fields, {
      compose: { values: {}, errors: asFormErrors(error.details, error.message) },
    })
  }
})
