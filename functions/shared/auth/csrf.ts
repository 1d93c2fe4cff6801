/**
 * CSRF protection of the staff forms (DESIGN §2: a CSRF token on every POST form) and of
 * state-changing API calls made with the session cookie (`x-csrf-token`, DESIGN v3 §5).
 *
 * Choice: the token is an HMAC of the session itself — HMAC-SHA256 keyed with the
 * session token (the opaque token in the HttpOnly session cookie) over a fixed label. It needs
 * no server state and no extra secret (the same code works with the local issuer and
 * Cognito), a cross-site page can neither read the cookie nor compute the token, and a
 * token planted by a sibling subdomain (the weakness of a plain double-submit cookie) is
 * useless because it is bound to the session it was made from. A new login (new token)
 * makes every old form token invalid.
 *
 * Before a session exists (the local login form) a random double-submit cookie is used
 * instead: `login_csrf`, HttpOnly, SameSite=Strict, scoped to `/login`.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { readCookie } from '../cookies'
import { env } from '../env'
import { ForbiddenError } from '../errors'
import { tokenFromEvent } from './session-token'

export const CSRF_FIELD = '_csrf'
const LABEL = 'tksk-flow csrf v1'

export const csrfTokenFor = (sessionToken: string): string =>
  createHmac('sha256', sessionToken).update(LABEL).digest('base64url')

const sameText = (a: string, b: string): boolean => {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/** The token the signed-in caller's forms carry ('' without a session). */
export const csrfTokenOf = (event: APIGatewayProxyEventV2): string => {
  const session = tokenFromEvent(event)
  return session ? csrfTokenFor(session) : ''
}

export const csrfMatches = (sessionToken: string | undefined, formToken: string | undefined): boolean =>
  Boolean(sessionToken && formToken && sameText(csrfTokenFor(sessionToken), formToken))

/** Throws 403 unless the form's token belongs to the request's session. */
export const assertCsrf = (event: APIGatewayProxyEventV2, formToken: string | undefined): void => {
  if (!csrfMatches(tokenFromEvent(event), formToken))
    throw new ForbiddenError('Formulir kedaluwarsa atau tidak sah. Muat ulang halaman lalu coba lagi.')
}

export const CSRF_HEADER = 'x-csrf-token'

/** An API call that changes state with the session cookie must also send the token in `x-csrf-token`. */
export const assertCsrfHeader = (event: APIGatewayProxyEventV2): void => {
  if (!csrfMatches(tokenFromEvent(event), event.headers[CSRF_HEADER]))
    throw new ForbiddenError(
      `Permintaan dengan cookie sesi perlu token CSRF di header ${CSRF_HEADER}, atau pakai Authorization: Bearer.`,
    )
}

export const LOGIN_CSRF_COOKIE = 'login_csrf'

export const newLoginCsrf = (): { token: string; cookie: string } => {
  const token = randomBytes(24).toString('base64url')
  return {
    token,
    cookie: [
      `${LOGIN_CSRF_COOKIE}=${token}`,
      'Path=/login',
      'HttpOnly',
      'SameSite=Strict',
      'Max-Age=3600',
      ...(env.stage() === 'local' ? [] : ['Secure']),
    ].join('; '),
  }
}

export const clearLoginCsrfCookie = (): string =>
  [
    `${LOGIN_CSRF_COOKIE}=`,
    'Path=/login',
    'HttpOnly',
    'SameSite=Strict',
    'Max-Age=0',
    ...(env.stage() === 'local' ? [] : ['Secure']),
  ].join('; ')

export const assertLoginCsrf = (event: APIGatewayProxyEventV2, formToken: string | undefined): void => {
  const cookie = readCookie(event, LOGIN_CSRF_COOKIE)
  if (!cookie || !formToken || !sameText(cookie, formToken))
    throw new ForbiddenError('Formulir masuk kedaluwarsa. Muat ulang halaman lalu coba lagi.')
}
