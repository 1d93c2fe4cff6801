import { tablesAnswer } from '../../data/health-repository'
import { AppError } from '../../shared/errors'
import { publicAction } from '../runtime/action'
import { json } from '../runtime/responses'
import { logger } from '../../shared/logger'

/** `{status:"ok"}` only once the tables answer; a 503 otherwise so load balancers and scripts can wait. */
export const health = publicAction(async () => {
  try {
    await tablesAnswer()
  } catch (error) {
    logger.warn('health check failed', { error: error as Error })
    throw new AppError(503, 'INTERNAL', 'Layanan belum siap.')
  }
  return json(200, { status: 'ok' })
})
