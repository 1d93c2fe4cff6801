/**
 * The decision posted from a verval approval link: the approver (the link's recipient)
 * approves or rejects the batch, once. An invalid decision shows the form again (400).
 */
import { decideBatch } from '../../flows/verval/decide-batch'
import type { ResolvedApprovalLink } from '../../flows/links/resolve-link'
import { isAppError } from '../../shared/errors'
import type { HttpResult, RequestContext } from '../runtime/action'
import { parseWith } from '../runtime/parse'
import { messagePage } from '../../web/task-page'
import { requestActor } from '../cases/resident-actor'
import { decisionBodySchema } from '../verval/schemas'
import { approvalPage } from './approval-page'
import { countMetric } from '../../observability/metrics'

export const decideApproval = async (
  request: RequestContext,
  { link, batch }: ResolvedApprovalLink,
  form: { action: string; secret: string; fields: Record<string, string> },
): Promise<HttpResult> => {
  let decision
  try {
    decision = parseWith(decisionBodySchema, form.fields)
  } catch (error) {
    if (!isAppError(error)) throw error
    return approvalPage(batch, form, error.details.map((d) => d.message).join(' '))
  }
  const actor = requestActor(request.event, link.recipient.id, 'provider')
  await decideBatch(
    batch,
    decision,
    { ...actor, id: link.recipient.id, role: link.recipient.role },
    request.correlationId,
    link.recipient.name,
  )
  countMetric('LinkDecisions')
  return messagePage(200, 'Terima kasih', `Keputusan untuk verval ${batch.batchId} telah disimpan.`)
}
