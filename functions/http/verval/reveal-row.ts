/**
 * `POST /api/verval/{batchId}/reveal {line, purpose}` (ADR 0034): one row of a batch in
 * full, for the roles that serve the family (those of the case reveal), audited as
 * `PII_READ` with the purpose on the batch's chain. A POST, so a link cannot reveal.
 */
import { can } from '../../core/authorization/can'
import { revealRow } from '../../flows/verval/reveal-row'
import { countMetric } from '../../observability/metrics'
import { ForbiddenError } from '../../shared/errors'
import { staffAction } from '../runtime/action'
import { parseJsonBody } from '../runtime/parse'
import { json } from '../runtime/responses'
import { loadVisibleBatch } from './load-visible-batch'
import { revealRowBodySchema } from './schemas'

export const revealVervalRow = staffAction(async (request) => {
  const { line, purpose } = parseJsonBody(request, revealRowBodySchema)
  const batch = await loadVisibleBatch(request, 'verval:read')
  if (!can(request.user, 'verval:reveal', { area: batch.kecamatan }))
    throw new ForbiddenError('Anda tidak berwenang membuka data pribadi baris verval.')
  const revealed = await revealRow(
    batch,
    line,
    purpose,
    { id: request.user.id, role: request.user.role },
    request.correlationId,
  )
  countMetric('PiiReads')
  return json(200, revealed)
})
