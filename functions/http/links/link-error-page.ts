import { isAppError } from '../../shared/errors'
import type { HttpResult } from '../../shared/http/action'
import { decidedPage, gonePage, notFoundPage } from '../../web/task-page'

/** The HTML answer to a link that cannot act: 404 unknown, 409 decided (by whom, when), 410 gone. */
export const linkErrorPage = (error: unknown): HttpResult => {
  if (!isAppError(error)) throw error
  if (error.status === 409) return decidedPage(error.message)
  if (error.status === 410) return gonePage(error.message)
  if (error.status === 404) return notFoundPage()
  throw error
}
