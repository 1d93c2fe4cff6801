import { ulid } from 'ulid'
import { can } from '../../core/authorization/can'
import { pendampinganBodySchema } from '../../core/case/pendampingan'
import { getCase } from '../../data/case-repository'
import { recordPendampingan } from '../../flows/case/record-pendampingan'
import { ForbiddenError, NotFoundError } from '../../shared/errors'
import { staffAction } from '../runtime/action'
import { parseJsonBody, parseWith } from '../runtime/parse'
import { json } from '../runtime/responses'
import { caseIdSchema } from './schemas'

/** `POST /api/cases/{caseId}/pendampingan` (issue 15, ADR 0032): 201 with the entry recorded. */
export const pendampingan = staffAction(async (request) => {
  const caseId = parseWith(caseIdSchema, request.event.pathParameters?.caseId)
  const body = parseJsonBody(request, pendampinganBodySchema)
  const record = await getCase(caseId)
  if (!record) throw new NotFoundError('Kasus tidak ditemukan.')
  if (!can(request.user, 'case:followUp', { area: record.kecamatan }))
    throw new ForbiddenError('Hanya TKSK kecamatan kasus ini yang mencatat pendampingan.')
  const entry = await recordPendampingan(record, body, {
    user: request.user,
    id: ulid(),
    correlationId: request.correlationId,
  })
  return json(201, { caseId, pendampingan: entry })
})
