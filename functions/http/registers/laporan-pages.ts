/**
 * `GET/POST /staff/laporan-bulanan` (issue 16 item 5, ADR 0039): the page of the laporan
 * that travels, a view over the laporan API run in process (http/runtime/call-api.ts),
 * so the page shows and changes only what the API allows. A kecamatan shows its report
 * and forms, a kabupaten where its kecamatan stand, a province its kabupaten.
 */
import { ALL_AREAS, areaLevel } from '../../core/areas/area-code'
import { timeZoneOfArea } from '../../core/areas/time-zones'
import { can } from '../../core/authorization/can'
import type { User } from '../../core/identity/user'
import type { LaporanContents } from '../../core/laporan/laporan-contents'
import { isLate, type LaporanRecord } from '../../core/laporan/laporan-record'
import type { SubmissionRates, SubmissionRow } from '../../core/laporan/submission-rates'
import { monthOf } from '../../core/reports/report-month'
import { loadAreaIndex } from '../../data/area-source'
import type { ProvinceRow } from '../../flows/laporan/read-laporan'
import { assertCsrf, CSRF_FIELD } from '../../shared/auth/csrf'
import { now } from '../../shared/clock'
import { type ErrorDetail, isAppError, UnsupportedMediaTypeError } from '../../shared/errors'
import type { FormState } from '../../web/fields'
import { ownEntry } from '../runtime/own-entry'
import { isFormPost } from '../../web/form-data'
import { LAPORAN_PATH, laporanPage, type LaporanPageModel } from '../../web/laporan-page'
import { reportFilter } from '../pages/report-filter'
import { type RequestContext, staffAction } from '../runtime/action'
import { callApi } from '../runtime/call-api'
import { areaName, placeName, staffContext } from '../runtime/staff-context'
import {
  acknowledgeMonthlyLaporan,
  listLaporanSubmissions,
  openMonthlyLaporan,
  provinceRollUp,
  returnMonthlyLaporan,
  saveLaporanNarrative,
  showLaporan,
  submitMonthlyLaporan,
} from './laporan'

type StaffRequest = RequestContext & { user: User }

const AREA_HINT = 'Kode kecamatan, kabupaten/kota atau provinsi, mis. 32.01.14, 32.01 atau 32.'

const filterFor = (user: User, values: { month: string; area: string }) => {
  const filter = reportFilter(user, LAPORAN_PATH, values, { kecamatanChoices: true, areaHint: AREA_HINT })
  // The province's office picks the province or one of its kabupaten/kota.
  if (areaLevel(user.area) !== 'province') return filter
  return {
    ...filter,
    areaChoices: [
      { value: user.area, label: `${areaName(user.area)} (semua kabupaten/kota)` },
      ...loadAreaIndex()
        .children(user.area)
        .map((k) => ({ value: k.code, label: k.name })),
    ],
  }
}

/** The errors a form or filter shows for a refused request (400, 409); anything else is thrown. */
const shownErrors = (error: unknown): { errors: ErrorDetail[]; status: number } => {
  if (!isAppError(error) || (error.status !== 400 && error.status !== 409)) throw error
  return {
    errors: error.details.length > 0 ? error.details : [{ path: '', message: error.message }],
    status: error.status,
  }
}

interface ShowAnswer {
  laporan: LaporanRecord | null
  contents: LaporanContents
}

const render = async (
  request: StaffRequest,
  asked: { area: string; month: string },
  extra: { form?: FormState; notice?: string; status?: number } = {},
) => {
  const user = request.user
  const area = asked.area || (user.area === ALL_AREAS ? '' : user.area)
  const month = asked.month || (area ? monthOf(now(), timeZoneOfArea(area) ?? 'Asia/Jakarta') : '')
  const model: LaporanPageModel = {
    filter: filterFor(user, { month, area }),
    form: extra.form ?? { values: {}, errors: [] },
    ...(extra.notice ? { notice: extra.notice } : {}),
    placeName,
  }
  try {
    const level = areaLevel(area)
    if (level === 'district') {
      const answer = await callApi<ShowAnswer>(showLaporan, request, {
        pathParameters: { kecamatan: area, month },
      })
      model.kecamatan = {
        kecamatan: area,
        month,
        ...(answer.laporan ? { record: answer.laporan } : {}),
        contents: answer.contents,
        late: answer.laporan ? isLate(answer.laporan, now()) : false,
        mayWrite: can(user, 'report:submit', { area }),
        mayReview: can(user, 'report:review', { area }),
      }
    } else if (level === 'province') {
      const answer = await callApi<{ items: ProvinceRow[] }>(provinceRollUp, request, {
        query: { area, month },
      })
      model.province = answer.items.map((row) => ({
        kabupaten: row.kabupaten,
        filed: row.cases.filed,
        batches: row.verval.batches,
        ppksFound: row.ppksFound,
        rates: row.submissions,
      }))
    } else {
      const answer = await callApi<{ items: SubmissionRow[]; rates: SubmissionRates }>(
        listLaporanSubmissions,
        request,
        { query: { area, month } },
      )
      model.submissions = { rows: answer.items, rates: answer.rates }
    }
    model.title = placeName(area)
  } catch (error) {
    return laporanPage(
      staffContext(request),
      { ...model, filter: { ...model.filter, errors: shownErrors(error).errors } },
      400,
    )
  }
  return laporanPage(staffContext(request), model, extra.status ?? 200)
}

export const laporanListPage = staffAction(async (request) => {
  const query = request.event.queryStringParameters ?? {}
  const done = ownEntry(NOTICES, query.disimpan)
  return render(request, { area: query.area ?? '', month: query.month ?? '' }, done ? { notice: done } : {})
})

const NOTICES: Record<string, string> = {
  buka: 'Laporan dibuka.',
  narasi: 'Narasi disimpan.',
  kirim: 'Laporan dikirim ke Dinas Sosial.',
  terima: 'Laporan diterima.',
  kembalikan: 'Laporan dikembalikan ke TKSK.',
}

const ACTIONS = {
  buka: { action: openMonthlyLaporan, body: () => undefined },
  narasi: {
    action: saveLaporanNarrative,
    body: (p: URLSearchParams) => ({
      masalah: p.get('masalah') ?? '',
      tindakLanjut: p.get('tindakLanjut') ?? '',
    }),
  },
  kirim: { action: submitMonthlyLaporan, body: () => undefined },
  terima: { action: acknowledgeMonthlyLaporan, body: () => undefined },
  kembalikan: { action: returnMonthlyLaporan, body: (p: URLSearchParams) => ({ note: p.get('note') ?? '' }) },
} as const

const isAksi = (value: string): value is keyof typeof ACTIONS => Object.hasOwn(ACTIONS, value)

export const submitLaporanPage = staffAction(async (request) => {
  if (!isFormPost(request.event.headers['content-type']))
    throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded')
  const params = new URLSearchParams(request.body)
  assertCsrf(request.event, params.get(CSRF_FIELD) ?? undefined)
  const kecamatan = params.get('kecamatan') ?? ''
  const month = params.get('month') ?? ''
  const aksi = params.get('aksi') ?? ''
  const back = { area: kecamatan, month }
  const values = Object.fromEntries(
    [...params.entries()].filter(([name]) => ['masalah', 'tindakLanjut', 'note'].includes(name)),
  )
  if (!isAksi(aksi))
    return render(request, back, {
      form: { values, errors: [{ path: 'aksi', message: 'Tindakan tidak dikenal.' }] },
      status: 400,
    })
  const { action, body } = ACTIONS[aksi]
  try {
    const sent = body(params)
    await callApi(action, request, { pathParameters: { kecamatan, month }, ...(sent ? { body: sent } : {}) })
  } catch (error) {
    const { errors, status } = shownErrors(error)
    // A submission refused for an empty narrative names `narrative.masalah`: show it at the field.
    const atFields = errors.map((e) => ({ ...e, path: e.path.replace(/^narrative\./, '') }))
    return render(request, back, { form: { values, errors: atFields }, status })
  }
  return {
    statusCode: 303,
    headers: {
      location: `${LAPORAN_PATH}?${new URLSearchParams({ ...back, disimpan: aksi })}`,
      'cache-control': 'no-store',
    },
    body: '',
  }
})
