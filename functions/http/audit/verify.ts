import { can } from '../../core/authorization/can'
import { anchorStoreOfStage } from '../../data/audit-anchor-store'
import { verifyEntity } from '../../data/audit-verification'
import { NotFoundError } from '../../shared/errors'
import { staffAction } from '../runtime/action'
import { parseQuery } from '../runtime/parse'
import { json } from '../runtime/responses'
import { authorizeRole } from './resolve-query'
import { auditVerifyQuerySchema } from './schemas'

/**
 * `GET /api/audit/verify?entityId=`: `{valid, checked, firstBrokenSeq?}` plus why it
 * broke and which anchor it was held against. An entity out of the caller's scope is
 * the same 404 as an unknown one: verify does not confirm what exists elsewhere.
 */
export const verify = staffAction(async (request) => {
  const { entityId } = parseQuery(request, auditVerifyQuerySchema)
  authorizeRole(request.user, 'audit:read')
  const result = await verifyEntity(entityId, anchorStoreOfStage())
  if (!result.exists || !result.area || !can(request.user, 'audit:read', { area: result.area }))
    throw new NotFoundError('Jejak audit entitas ini tidak ditemukan.')
  return json(200, {
    entityId,
    ...result.verdict,
    anchored: result.anchor !== undefined,
    anchor: result.anchor ?? null,
  })
})
