/**
 * `GET/POST /api/ppks`, `GET/PATCH /api/ppks/{ppksId}`, `POST /api/ppks/{ppksId}/kasus`
 * and `GET /api/peta-sosial` (issue 16 items 1 and 3, ADR 0038). An entry outside the
 * caller's scope is 404; listing or adding there is 403. A list names nobody in a
 * sensitive category; the detail of such an entry is audited before it is answered.
 */
import { ulid } from 'ulid'
import { areaLevel } from '../../core/areas/area-code'
import { can } from '../../core/authorization/can'
import { mapTable } from '../../core/ppks/map-table'
import { ppksListItem, ppksView } from '../../core/ppks/ppks-record'
import { desaCounts, listableCases } from '../../core/ppks/register-counts'
import { ppksIdSchema, ppksListQuerySchema } from '../../core/ppks/ppks-schema'
import { reportCsv } from '../../core/reports/report-csv'
import { XLSX_TYPE } from '../../core/spreadsheet/read-spreadsheet'
import { writeXlsx } from '../../core/spreadsheet/write-xlsx'
import { staffDisplayName } from '../../flows/admin/staff-display-name'
import { ppksPoints, readPpksRegister } from '../../flows/ppks/list-ppks'
import { openCaseFromPpks } from '../../flows/ppks/open-case'
import { createPpks as create, readPpks, updatePpks as update } from '../../flows/ppks/save-ppks'
import { loadSocialMap } from '../../flows/ppks/social-map'
import { staffAction } from '../runtime/action'
import { parseQuery, parseWith, readJsonBody } from '../runtime/parse'
import { json } from '../runtime/responses'
import { areaName, placeName } from '../runtime/staff-context'
import { socialMapQuerySchema } from './schemas'
import { listArea, registerActor } from './scope'

type StaffRequest = Parameters<typeof registerActor>[0]

const REGISTER_LEVELS: ReadonlySet<string> = new Set(['regency', 'district', 'village'])

const ppksIdOf = (request: { event: { pathParameters?: Record<string, string | undefined> } }): string =>
  parseWith(ppksIdSchema, request.event.pathParameters?.ppksId)

export const listPpks = staffAction(async (request) => {
  registerActor(request, 'ppks:read')
  const query = parseQuery(request, ppksListQuerySchema)
  const area = listArea(request.user, 'ppks:read', query.area, REGISTER_LEVELS)
  const register = await readPpksRegister(area, query.category)
  return json(200, {
    area,
    items: register.entries.map(ppksListItem),
    cases: listableCases(register.cases),
    counts: desaCounts(ppksPoints(register)),
  })
})

export const showPpks = staffAction(async (request) => {
  const by = registerActor(request, 'ppks:read')
  return json(200, ppksView(await readPpks(ppksIdOf(request), by)))
})

export const createPpks = staffAction(async (request) => {
  const by = registerActor(request, 'ppks:write')
  const record = await create(readJsonBody(request), ulid(by.now.getTime()), by)
  return json(201, ppksView(record), { location: `/api/ppks/${record.ppksId}` })
})

export const updatePpks = staffAction(async (request) => {
  const by = registerActor(request, 'ppks:write')
  return json(200, ppksView(await update(ppksIdOf(request), readJsonBody(request), by)))
})

/** "Jadikan kasus": 201 with the case's receipt and the entry that now shows it. */
export const openPpksCase = staffAction(async (request: StaffRequest) => {
  const by = registerActor(request, 'case:create')
  const { user } = request
  const { entry, receipt } = await openCaseFromPpks(ppksIdOf(request), readJsonBody(request), {
    ...by,
    // Reading the entry is `ppks:read`; filing its case is `case:create` for its desa.
    may: (area) => can(user, 'ppks:read', { area }),
    mayFileCase: (desa) => by.may(desa),
    staff: { staffId: user.id, name: await staffDisplayName(user) },
  })
  return json(201, { ...receipt, ppks: ppksView(entry) }, { location: `/api/cases/${receipt.caseId}` })
})

const MAP_LEVELS: ReadonlySet<string> = new Set(['regency', 'district'])

const download = (area: string, type: string, extension: string) => ({
  'content-type': type,
  'content-disposition': `attachment; filename="peta-sosial-${area}.${extension}"`,
  'cache-control': 'no-store',
})

/** `GET /api/peta-sosial?area=&format=` — JSON, or the same table as CSV or XLSX. */
export const socialMap = staffAction(async (request) => {
  registerActor(request, 'ppks:read')
  const query = parseQuery(request, socialMapQuerySchema)
  const area = listArea(request.user, 'ppks:read', query.area, MAP_LEVELS)
  const map = await loadSocialMap(area)
  if (!query.format) return json(200, { area, level: areaLevel(area), ...map })
  const table = mapTable(map, {
    rowLabel: areaLevel(area) === 'district' ? 'Desa/kelurahan' : 'Kecamatan',
    // Rows are siblings under one place: their own names, the code beside them.
    placeName: areaName,
  })
  if (query.format === 'csv')
    return {
      statusCode: 200,
      headers: download(area, 'text/csv; charset=utf-8', 'csv'),
      body: reportCsv([[`Peta sosial ${placeName(area)} (${area})`], table.header, ...table.rows]),
    }
  const xlsx = writeXlsx({
    name: 'Peta sosial',
    columns: table.header.map((header, index) => ({
      header,
      width: index === 0 ? 28 : 14,
      text: index === 1,
    })),
    rows: table.rows,
    freezeHeader: true,
  })
  return {
    statusCode: 200,
    headers: download(area, XLSX_TYPE, 'xlsx'),
    body: xlsx.toString('base64'),
    isBase64Encoded: true,
  }
})
