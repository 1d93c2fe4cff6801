import { can } from '../../core/authorization/can'
import { withdrawCase } from '../../flows/case/withdraw-case'
import { getCase } from '../../data/case-repository'
import { ForbiddenError, NotFoundError } from '../../shared/errors'
import { staffAction } from '../runtime/action'
import { parseJsonBody, parseWith } from '../runtime/parse'
import { json } from '../runtime/responses'
import { caseIdSchema, withdrawBodySchema } from './schemas'

/** `POST /api/cases/{caseId}/withdraw` (DESIGN §4): closes WITHDRAWN on the resident's request. */
export const withdraw = staffAction(async (request) => {
  const caseId = parseWith(caseIdSchema, request.event.pathParameters?.caseId)
  const { reason } = parseJsonBody(request, withdrawBodySchema)
  const record = await getCase(caseId)
  if (!record) throw new NotFoundError('Kasus tidak ditemukan.')
  if (!can(request.user, 'case:withdraw', { area: record.kecamatan })) throw new ForbiddenError()
  const closed = await withdrawCase(record, reason, request.user, request.correlationId)
  return json(200, { caseId, reference: closed.reference, status: closed.status, outcome: closed.outcome })
})
