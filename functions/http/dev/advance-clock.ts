import { advanceClock as moveClock } from '../../shared/clock'
import { publicAction } from '../runtime/action'
import { parseJsonBody } from '../runtime/parse'
import { json } from '../runtime/responses'
import { clockAdvanceSchema } from './schemas'

/** Moves the project clock; returns once the timers that became due have fired and settled. */
export const advanceClock = publicAction(async (request) => {
  const { seconds } = parseJsonBody(request, clockAdvanceSchema)
  const now = await moveClock(seconds)
  return json(200, { now: now.toISOString() })
})
