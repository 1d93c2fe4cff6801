/**
 * `POST /api/verval/export` (issue 21 item 4, ADR 0034): the period's approved changes
 * of a kabupaten/kota in the national upload's layout, CSV or XLSX. Dinsos only
 * (`verval:export`); a POST with a purpose (and the CSRF token under a cookie session),
 * audited as NATIONAL_EXPORT before the file is handed out, like a reveal.
 */
import { areaLevel, kabupatenOf } from '../../core/areas/area-code'
import { can } from '../../core/authorization/can'
import { XLSX_TYPE } from '../../core/spreadsheet/read-spreadsheet'
import { exportNational } from '../../flows/verval/national-export'
import { countMetric } from '../../observability/metrics'
import { now } from '../../shared/clock'
import { BadRequestError, ForbiddenError } from '../../shared/errors'
import { staffAction } from '../runtime/action'
import { parseJsonBody } from '../runtime/parse'
import { nationalExportBodySchema } from './schemas'

const badArea = (path: string, message: string) =>
  new BadRequestError('Wilayah ekspor tidak dapat dipakai.', [{ path, message }])

export const nationalExport = staffAction(async (request) => {
  const body = parseJsonBody(request, nationalExportBodySchema)
  const { user } = request
  const kabupaten = body.area ?? user.area
  if (areaLevel(kabupaten) !== 'regency') throw badArea('area', 'Wajib kode kabupaten/kota (contoh: 32.01).')
  if (
    body.kecamatan !== undefined &&
    (areaLevel(body.kecamatan) !== 'district' || kabupatenOf(body.kecamatan) !== kabupaten)
  )
    throw badArea('kecamatan', `Wajib kode kecamatan di ${kabupaten} (contoh: ${kabupaten}.14).`)
  if (!can(user, 'verval:export', { area: kabupaten }))
    throw new ForbiddenError('Ekspor nasional hanya untuk Dinas Sosial kabupaten/kota ini.')
  const file = await exportNational(
    { ...body, kabupaten },
    { id: user.id, role: user.role },
    request.correlationId,
    now(),
  )
  countMetric('PiiReads')
  const headers = {
    'content-disposition': `attachment; filename="${file.filename}"`,
    'cache-control': 'no-store',
    'x-export-id': file.exportId,
  }
  return typeof file.body === 'string'
    ? { statusCode: 200, headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' }, body: file.body }
    : {
        statusCode: 200,
        headers: { ...headers, 'content-type': XLSX_TYPE },
        body: file.body.toString('base64'),
        isBase64Encoded: true,
      }
})
