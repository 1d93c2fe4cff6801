import { isAppError } from '../../shared/errors'
import type { HttpResult } from '../runtime/action'
import { html } from '../../web/html'
import { page } from '../../web/page'
import { decidedPage, gonePage, notFoundPage } from '../../web/task-page'

/** `LINK_REQUIRES_LOGIN`: the link is fine but its recipient must sign in first. */
export const loginRequiredPage = (message: string): HttpResult =>
  page(
    401,
    'Silakan masuk',
    html`<p>${message}</p>
      <p><a href="/login">Masuk sebagai petugas</a>, lalu buka kembali tautan dari email Anda.</p>`,
  )

/** The HTML answer to a link that cannot act: 401 login needed, 404 unknown, 409 decided (by whom, when), 410 gone. */
export const linkErrorPage = (error: unknown): HttpResult => {
  if (!isAppError(error)) throw error
  if (error.status === 401) return loginRequiredPage(error.message)
  if (error.status === 409) return decidedPage(error.message)
  if (error.status === 410) return gonePage(error.message)
  if (error.status === 404) return notFoundPage()
  throw error
}
