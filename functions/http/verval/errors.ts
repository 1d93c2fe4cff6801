/** `GET /api/verval/{batchId}/errors` (DESIGN §4): the report as JSON, or CSV with `Accept: text/csv`. */
import { errorReportCsv } from '../../core/verval/error-report'
import { byRowThenField } from '../../core/verval/row-error'
import { listErrors } from '../../data/batch-repository'
import { staffAction } from '../../shared/http/action'
import { json } from '../../shared/http/responses'
import { loadVisibleBatch } from './load-visible-batch'

export const errors = staffAction(async (request) => {
  const batch = await loadVisibleBatch(request, 'verval:read')
  const items = (await listErrors(batch.batchId)).sort(byRowThenField)
  if ((request.event.headers.accept ?? '').includes('text/csv'))
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="verval-${batch.batchId}-kesalahan.csv"`,
        'cache-control': 'no-store',
      },
      body: errorReportCsv(items),
    }
  return json(200, { items })
})
