/**
 * The draft verval rows of a kecamatan and period (ADR 0036): `GET /api/verval/drafts`
 * (JSON, or the verval file's columns as CSV with `format=csv` / `Accept: text/csv`) and
 * the staff page `/staff/verval/usulan` that lists them with the download. A TKSK reads
 * their own kecamatan; Dinsos, auditors and admins name a kecamatan in their scope.
 * The rows name the person (a proposed family, an objected KPM): staff in scope only.
 */
import * as z from 'zod'
import { areaLevel } from '../../core/areas/area-code'
import { timeZoneOfArea } from '../../core/areas/time-zones'
import { can } from '../../core/authorization/can'
import { vervalDraftCsv, type VervalDraft } from '../../core/bansos/verval-draft'
import { localDateOf } from '../../core/calendar/local-date'
import type { User } from '../../core/identity/user'
import { listVervalDrafts } from '../../data/verval-draft-repository'
import { now } from '../../shared/clock'
import { type ErrorDetail, ForbiddenError, isAppError, ValidationError } from '../../shared/errors'
import { type RequestContext, staffAction } from '../runtime/action'
import { callApi } from '../runtime/call-api'
import { parseQuery } from '../runtime/parse'
import { json } from '../runtime/responses'
import { placeName, staffContext } from '../runtime/staff-context'
import { vervalDraftsPage } from '../../web/verval-drafts-page'

export const draftsQuerySchema = z.looseObject({
  kecamatan: z
    .string()
    .regex(/^\d{2}\.\d{2}\.\d{2}$/, 'Kode kecamatan harus seperti 32.01.14.')
    .optional()
    .describe('the kecamatan (a TKSK’s own when absent)'),
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Periode harus berformat TTTT-BB.')
    .optional()
    .describe('YYYY-MM; the current month in the kecamatan’s zone when absent'),
  format: z.enum(['json', 'csv'], { error: 'Format: json atau csv.' }).optional(),
})

const currentPeriod = (area: string): string =>
  localDateOf(now(), timeZoneOfArea(area) ?? 'Asia/Jakarta').slice(0, 7)

const scopeOf = (user: User, kecamatan: string | undefined): string => {
  const area = kecamatan ?? (areaLevel(user.area) === 'district' ? user.area : undefined)
  if (!area)
    throw new ValidationError([{ path: 'kecamatan', message: 'Pilih kecamatan (kode seperti 32.01.14).' }])
  if (!can(user, 'verval:read', { area }))
    throw new ForbiddenError('Usulan verval kecamatan ini di luar wilayah Anda.')
  return area
}

export const vervalDrafts = staffAction(async (request) => {
  const query = parseQuery(request, draftsQuerySchema)
  const kecamatan = scopeOf(request.user, query.kecamatan)
  const period = query.period ?? currentPeriod(kecamatan)
  const items = await listVervalDrafts(kecamatan, period)
  if (query.format === 'csv' || (!query.format && (request.event.headers.accept ?? '').includes('text/csv')))
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="usulan-verval-${kecamatan}-${period}.csv"`,
        'cache-control': 'no-store',
      },
      body: vervalDraftCsv(items),
    }
  return json(200, { kecamatan, period, items })
})

const queryOf = (request: RequestContext) => request.event.queryStringParameters ?? {}

export const staffVervalDrafts = staffAction(async (request) => {
  const query = queryOf(request)
  try {
    const answer = await callApi<{ kecamatan: string; period: string; items: VervalDraft[] }>(
      vervalDrafts,
      request,
      { query: { kecamatan: query.kecamatan, period: query.period } },
    )
    return vervalDraftsPage(staffContext(request), {
      ...answer,
      kecamatanName: placeName(answer.kecamatan),
      errors: [],
    })
  } catch (error) {
    if (!isAppError(error) || error.status !== 400) throw error
    return vervalDraftsPage(
      staffContext(request),
      {
        kecamatan: query.kecamatan ?? '',
        period: query.period ?? '',
        items: [],
        errors: error.details as ErrorDetail[],
      },
      400,
    )
  }
})
