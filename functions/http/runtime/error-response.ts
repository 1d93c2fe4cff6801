import { errorBody, internalErrorBody, isAppError } from '../../shared/errors'
import { logger } from '../../shared/logger'
import type { HttpResult } from './action'
import { json } from './responses'

/**
 * Client errors are shown as they are; anything unexpected is logged in full and
 * answered with a bare 500 `INTERNAL` that reveals nothing internal.
 */
export const errorResponse = (error: unknown): HttpResult => {
  if (isAppError(error)) {
    if (error.status >= 500) logger.error('request failed', { error })
    return json(error.status, errorBody(error), error.headers)
  }
  logger.error('unexpected error', { error: error as Error })
  return json(500, internalErrorBody())
}
