/**
 * `POST /api/cases/status` (DESIGN v3 §4): a resident's view by reference + access code,
 * no PII; a wrong pair is the same 404 as an unknown reference; 5 misses lock the
 * reference for 24 h (flows/case/look-up-status.ts).
 *
 * The old `GET /api/cases/status?reference=&birthDate=` answers 400 without looking
 * anything up (ADR 0011): the birth date no longer opens anything, and a GET would put
 * the access code in access logs and browser history.
 */
import { lookUpStatus } from '../../flows/case/look-up-status'
import { nowMs } from '../../shared/clock'
import { BadRequestError } from '../../shared/errors'
import { publicAction } from '../runtime/action'
import { parseJsonBody } from '../runtime/parse'
import { json } from '../runtime/responses'
import { caseStatusBodySchema } from './schemas'

export const status = publicAction(async (request) => {
  const query = parseJsonBody(request, caseStatusBodySchema)
  return json(200, await lookUpStatus(query, nowMs(), request.correlationId))
})

export const STATUS_BY_GET_REFUSED =
  'Cek status sekarang memakai POST /api/cases/status dengan {"reference","accessCode"}; kode akses ada di halaman konfirmasi dan email permohonan.'

export const statusByGet = publicAction(async () => {
  throw new BadRequestError(STATUS_BY_GET_REFUSED)
})
