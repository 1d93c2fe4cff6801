/**
 * `GET /api/verval/{batchId}` (DESIGN §4): status, counts and the summary (by desa too).
 * Reading a batch whose workflow start failed at upload starts it (start-once policy).
 */
import { batchView } from '../../core/verval/batch-record'
import { ensureVervalWorkflowStarted } from '../../flows/verval/workflow'
import { staffAction } from '../runtime/action'
import { json } from '../runtime/responses'
import { loadVisibleBatch } from './load-visible-batch'

export const detail = staffAction(async (request) => {
  const batch = await loadVisibleBatch(request, 'verval:read')
  await ensureVervalWorkflowStarted(batch, request.correlationId)
  return json(200, batchView(batch))
})
