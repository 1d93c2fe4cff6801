/**
 * `GET /api/verval/{batchId}/errors` (DESIGN §4): the report as JSON, or as a download:
 * `?format=csv` (or `Accept: text/csv`) and `?format=xlsx`.
 */
import { errorReportCsv, errorReportXlsx } from '../../core/verval/error-report'
import { byRowThenField } from '../../core/verval/row-error'
import { XLSX_TYPE } from '../../core/spreadsheet/read-spreadsheet'
import { listErrors } from '../../data/batch-repository'
import { staffAction } from '../runtime/action'
import { parseQuery } from '../runtime/parse'
import { json } from '../runtime/responses'
import { errorsQuerySchema } from './schemas'
import { loadVisibleBatch } from './load-visible-batch'

const download = (batchId: string, type: string, extension: string) => ({
  'content-type': type,
  'content-disposition': `attachment; filename="verval-${batchId}-kesalahan.${extension}"`,
  'cache-control': 'no-store',
})

export const errors = staffAction(async (request) => {
  const { format } = parseQuery(request, errorsQuerySchema)
  const batch = await loadVisibleBatch(request, 'verval:read')
  const items = (await listErrors(batch.batchId)).sort(byRowThenField)
  if (format === 'xlsx')
    return {
      statusCode: 200,
      headers: download(batch.batchId, XLSX_TYPE, 'xlsx'),
      body: (await errorReportXlsx(items)).toString('base64'),
      isBase64Encoded: true,
    }
  if (format === 'csv' || (!format && (request.event.headers.accept ?? '').includes('text/csv')))
    return {
      statusCode: 200,
      headers: download(batch.batchId, 'text/csv; charset=utf-8', 'csv'),
      body: errorReportCsv(items),
    }
  return json(200, { items })
})
