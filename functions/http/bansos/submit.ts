/**
 * `POST /api/bansos` (issue 15 item 4, ADR 0036): a complaint, proposal or objection,
 * by anyone, without an account; rate-limited per IP like the intake, and with the
 * intake's Idempotency-Key handling so a form sent twice files one case.
 */
import { createBansosSchema } from '../../core/bansos/bansos-schema'
import { loadAreaIndex } from '../../data/area-source'
import { submitBansos } from '../../flows/bansos/submit-bansos'
import { intakeBodyHash } from '../../flows/case/submit-intake'
import { now } from '../../shared/clock'
import { publicAction } from '../runtime/action'
import { parseJsonBody } from '../runtime/parse'
import { json } from '../runtime/responses'
import { idempotencyKeyOf } from '../cases/intake'
import { residentActor } from '../cases/resident-actor'

export const bansosIntake = publicAction(async (request) => {
  // Built per request: the open distribution periods move with the clock.
  const body = parseJsonBody(request, createBansosSchema(loadAreaIndex(), now()))
  const idempotencyKey = idempotencyKeyOf(request)
  const receipt = await submitBansos(body, {
    ...(idempotencyKey ? { idempotencyKey } : {}),
    bodyHash: intakeBodyHash(JSON.parse(request.body)),
    actor: residentActor(request.event),
    correlationId: request.correlationId,
  })
  return json(201, receipt)
})
