import { can } from '../../core/authorization/can'
import { getCase } from '../../data/case-repository'
import { optOutSms } from '../../flows/case/opt-out-sms'
import { ForbiddenError, NotFoundError } from '../../shared/errors'
import { staffAction } from '../runtime/action'
import { parseWith } from '../runtime/parse'
import { json } from '../runtime/responses'
import { caseIdSchema } from './schemas'

/** `POST /api/cases/{caseId}/sms-opt-out` (ADR 0028): no more SMS to the applicant, at their request. */
export const smsOptOut = staffAction(async (request) => {
  const caseId = parseWith(caseIdSchema, request.event.pathParameters?.caseId)
  const record = await getCase(caseId)
  if (!record) throw new NotFoundError('Kasus tidak ditemukan.')
  if (!can(request.user, 'case:sms-opt-out', { area: record.kecamatan })) throw new ForbiddenError()
  const updated = await optOutSms(record, request.user, request.correlationId)
  return json(200, { caseId, reference: updated.reference, smsOptOut: updated.smsOptOut })
})
