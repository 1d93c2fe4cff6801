/**
 * Errors of the HTML pages as HTML (the API answers JSON): the same status, headers
 * (Retry-After, …) and logging as the contract's error response, the message in Bahasa
 * Indonesia, nothing internal. A staff page opened without a valid session sends the
 * browser to the login and back.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { isAppError } from '../../shared/errors'
import type { HttpResult } from './action'
import { errorResponse } from './error-response'
import { SAFE_METHODS } from './route'
import { html } from '../../web/html'
import { page } from '../../web/page'

const TITLES: Readonly<Record<number, string>> = {
  400: 'Permintaan tidak valid',
  401: 'Silakan masuk',
  403: 'Tidak berwenang',
  404: 'Halaman tidak ditemukan',
  409: 'Tidak dapat diproses',
  410: 'Sudah tidak berlaku',
  413: 'Isian terlalu besar',
  415: 'Jenis isian tidak didukung',
  429: 'Terlalu banyak permintaan',
}

const INTERNAL_MESSAGE = 'Terjadi kesalahan pada sistem. Silakan coba lagi.'

/** Paths that machines call (the API, the local AWS endpoint): their errors stay JSON even here. */
export const isMachinePath = (path: string): boolean => /^\/(api|__aws)(\/|$)/.test(path)

export const renderPageError = (error: unknown, event: APIGatewayProxyEventV2): HttpResult => {
  // The pages Lambda also answers `$default`: an unknown `/api/…` path is the contract's JSON 404.
  if (isMachinePath(event.rawPath)) return errorResponse(error)
  if (isAppError(error) && error.status === 401 && SAFE_METHODS.has(event.requestContext.http.method)) {
    const back = `${event.rawPath}${event.rawQueryString ? `?${event.rawQueryString}` : ''}`
    return {
      statusCode: 303,
      headers: { location: `/login?next=${encodeURIComponent(back)}`, 'cache-control': 'no-store' },
      body: '',
    }
  }
  // Logs exactly as the API does, and gives the status and headers to keep.
  const contract = errorResponse(error)
  const status = contract.statusCode ?? 500
  const {
    'content-type': _type,
    'cache-control': _cache,
    ...headers
  } = (contract.headers ?? {}) as Record<string, string>
  const message = isAppError(error) && error.status < 500 ? error.message : INTERNAL_MESSAGE
  return page(
    status,
    TITLES[status] ?? 'Terjadi kesalahan',
    html`<p>${message}</p>
      ${status === 401 ? html`<p><a href="/login">Masuk kembali</a></p>` : ''}
      <p><a href="/">Kembali ke beranda</a></p>`,
    { headers },
  )
}
