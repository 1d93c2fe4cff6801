/**
 * `POST /api/kpm/check {kk, birthDate}` (issue 15.5, ADR 0030): "Apakah keluarga saya
 * KPM?" for a resident, no login. Answers `{programs:[{program,status}]}` and nothing
 * else; a KK that no KPM holds and a wrong birth date are the same 404; 5 misses lock
 * the KK for 24 h (429) (flows/kpm/check-kpm.ts).
 */
import { createKpmCheckSchema } from '../../core/kpm/kpm-check'
import { checkKpm } from '../../flows/kpm/check-kpm'
import { now } from '../../shared/clock'
import { residentActor } from '../cases/resident-actor'
import { publicAction } from '../runtime/action'
import { parseJsonBody } from '../runtime/parse'
import { json } from '../runtime/responses'

export const check = publicAction(async (request) => {
  const at = now()
  // Built per request: "not in the future" moves with the clock.
  const query = parseJsonBody(request, createKpmCheckSchema(at))
  return json(
    200,
    await checkKpm(query, {
      nowMs: at.getTime(),
      actor: residentActor(request.event),
      correlationId: request.correlationId,
    }),
  )
})
