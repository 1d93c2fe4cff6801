/** `GET /api/verval/{batchId}` (DESIGN §4): status, counts and the summary (by desa too). */
import { batchView } from '../../core/verval/batch-record'
import { staffAction } from '../runtime/action'
import { json } from '../runtime/responses'
import { loadVisibleBatch } from './load-visible-batch'

export const detail = staffAction(async (request) =>
  json(200, batchView(await loadVisibleBatch(request, 'verval:read'))),
)
