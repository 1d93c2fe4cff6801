/**
 * The laporan bulanan that travels (issue 16 item 5, ADR 0039):
 * `GET/POST /api/laporan/{kecamatan}/{month}` (read; open),
 * `POST …/narasi`, `…/kirim` (the TKSK), `…/terima`, `…/kembalikan` (Dinsos),
 * `GET /api/laporan?area=&month=` (where each kecamatan of a kabupaten stands) and
 * `GET /api/provinsi/rekap?area=&month=` (the roll-up of a province's kabupaten).
 */
import { ALL_AREAS, areaLevel } from '../../core/areas/area-code'
import { timeZoneOfArea } from '../../core/areas/time-zones'
import { type Action, can, roleMay } from '../../core/authorization/can'
import { LAPORAN_STATUS_LABELS } from '../../core/laporan/laporan-record'
import {
  laporanEmptySchema,
  laporanListQuerySchema,
  laporanPathSchema,
} from '../../core/laporan/laporan-schema'
import { monthOf } from '../../core/reports/report-month'
import type { User } from '../../core/identity/user'
import { loadAreaIndex } from '../../data/area-source'
import type { LaporanActor } from '../../flows/laporan/laporan-actor'
import {
  acknowledgeMonthly,
  returnMonthly,
  saveNarrative,
  submitMonthly,
} from '../../flows/laporan/move-laporan'
import { openLaporan } from '../../flows/laporan/open-laporan'
import { readKecamatanLaporan, readProvinceRollUp, readSubmissions } from '../../flows/laporan/read-laporan'
import { ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors'
import { type RequestContext, staffAction } from '../runtime/action'
import { parseQuery, parseWith, readJsonBody } from '../runtime/parse'
import { json } from '../runtime/responses'
import { registerActor } from './scope'

type StaffRequest = RequestContext & { user: User }

export const laporanActor = (request: StaffRequest): LaporanActor => ({
  ...registerActor(request, 'report:monthly'),
  mayWrite: (area) => can(request.user, 'report:submit', { area }),
  mayReview: (area) => can(request.user, 'report:review', { area }),
})

/** The kecamatan and month of the path; a kecamatan outside the caller's scope is 404. */
export const laporanPath = (request: StaffRequest, by: LaporanActor) => {
  const { kecamatan, month } = parseWith(laporanPathSchema, request.event.pathParameters ?? {})
  if (!loadAreaIndex().isKecamatan(kecamatan) || !by.may(kecamatan))
    throw new NotFoundError('Laporan tidak ditemukan.')
  return { kecamatan, month }
}

/** A body that must carry no fields: none at all, or `{}`. */
const noFields = (request: StaffRequest): void => {
  parseWith(laporanEmptySchema, request.body.trim() === '' ? {} : readJsonBody(request))
}

export const showLaporan = staffAction(async (request) => {
  const by = laporanActor(request)
  const { kecamatan, month } = laporanPath(request, by)
  const report = await readKecamatanLaporan(kecamatan, month)
  return json(200, {
    kecamatan,
    month,
    status: report.record?.status ?? 'MISSING',
    statusLabel: LAPORAN_STATUS_LABELS[report.record?.status ?? 'MISSING'],
    laporan: report.record ?? null,
    contents: report.contents,
  })
})

export const openMonthlyLaporan = staffAction(async (request) => {
  const by = laporanActor(request)
  const { kecamatan, month } = laporanPath(request, by)
  noFields(request)
  const { record, created } = await openLaporan(kecamatan, month, by)
  return json(created ? 201 : 200, record)
})

const moveAction = (
  move: (kecamatan: string, month: string, request: StaffRequest, by: LaporanActor) => Promise<unknown>,
) =>
  staffAction(async (request) => {
    const by = laporanActor(request)
    const { kecamatan, month } = laporanPath(request, by)
    return json(200, await move(kecamatan, month, request, by))
  })

export const saveLaporanNarrative = moveAction((kecamatan, month, request, by) =>
  saveNarrative(kecamatan, month, readJsonBody(request), by),
)
export const submitMonthlyLaporan = moveAction((kecamatan, month, request, by) => {
  noFields(request)
  return submitMonthly(kecamatan, month, by)
})
export const acknowledgeMonthlyLaporan = moveAction((kecamatan, month, request, by) => {
  noFields(request)
  return acknowledgeMonthly(kecamatan, month, by)
})
export const returnMonthlyLaporan = moveAction((kecamatan, month, request, by) =>
  returnMonthly(kecamatan, month, readJsonBody(request), by),
)

/**
 * The area of a roll-up: the one named (else the caller's own), at the `level` the
 * roll-up is about, known, and within the caller's scope for `action`.
 */
export const rollUpArea = (
  user: User,
  action: Action,
  area: string | undefined,
  level: 'regency' | 'province',
): string => {
  if (!roleMay(user.role, action)) throw new ForbiddenError()
  const named = area ?? (user.area === ALL_AREAS ? undefined : user.area)
  const wanted = level === 'regency' ? 'kabupaten/kota (mis. 32.01)' : 'provinsi (mis. 32)'
  if (!named || areaLevel(named) !== level || !loadAreaIndex().get(named))
    throw new ValidationError([{ path: 'area', message: `Sebutkan ${wanted} yang dikenal.` }])
  if (!can(user, action, { area: named })) throw new ForbiddenError('Wilayah ini di luar wewenang Anda.')
  return named
}

const monthOrCurrent = (month: string | undefined, area: string, now: Date): string =>
  month ?? monthOf(now, timeZoneOfArea(area) ?? 'Asia/Jakarta')

export const listLaporanSubmissions = staffAction(async (request) => {
  const query = parseQuery(request, laporanListQuerySchema)
  const area = rollUpArea(request.user, 'report:monthly', query.area, 'regency')
  const { now } = registerActor(request, 'report:monthly')
  const result = await readSubmissions(area, monthOrCurrent(query.month, area, now), now)
  return json(200, { kabupaten: area, month: result.month, items: result.rows, rates: result.rates })
})

export const provinceRollUp = staffAction(async (request) => {
  const query = parseQuery(request, laporanListQuerySchema)
  const area = rollUpArea(request.user, 'report:province', query.area, 'province')
  const { now } = registerActor(request, 'report:province')
  const month = monthOrCurrent(query.month, area, now)
  return json(200, { province: area, month, items: await readProvinceRollUp(area, month, now) })
})
