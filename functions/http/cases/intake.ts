import { createIntakeSchema } from '../../core/case/intake-schema'
import { loadAreaIndex } from '../../data/area-source'
import { intakeBodyHash, submitIntake } from '../../flows/case/submit-intake'
import { now } from '../../shared/clock'
import { BadRequestError } from '../../shared/errors'
import { publicAction } from '../runtime/action'
import { parseJsonBody } from '../runtime/parse'
import { json } from '../runtime/responses'
import { residentActor } from './resident-actor'

// Built per request: the birth-date bounds move with the clock (cheap: the structure is shared).
const intakeSchema = () => createIntakeSchema(loadAreaIndex(), now())

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,200}$/

/** `POST /api/cases` (DESIGN §4). */
export const intake = publicAction(async (request) => {
  const body = parseJsonBody(request, intakeSchema())
  const idempotencyKey = request.event.headers['idempotency-key']
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey))
    throw new BadRequestError(
      'Idempotency-Key harus 1–200 karakter huruf, angka, titik, titik dua, garis bawah atau minus.',
    )
  const receipt = await submitIntake(body, {
    ...(idempotencyKey ? { idempotencyKey } : {}),
    bodyHash: intakeBodyHash(JSON.parse(request.body)),
    actor: residentActor(request.event),
    correlationId: request.correlationId,
  })
  return json(201, receipt)
})
