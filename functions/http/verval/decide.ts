/** `POST /api/verval/{batchId}/decision` `{decision, reason}`: the Dinsos (or its head) of the kabupaten decides. */
import { batchView } from '../../core/verval/batch-record'
import { staffAction } from '../runtime/action'
import { parseJsonBody } from '../runtime/parse'
import { json } from '../runtime/responses'
import { decideBatch } from '../../flows/verval/decide-batch'
import { loadVisibleBatch } from './load-visible-batch'
import { decisionBodySchema } from './schemas'

export const decide = staffAction(async (request) => {
  const batch = await loadVisibleBatch(request, 'verval:decide')
  const body = parseJsonBody(request, decisionBodySchema)
  const decided = await decideBatch(
    batch,
    body,
    { id: request.user.id, role: request.user.role },
    request.correlationId,
  )
  return json(200, batchView(decided))
})
