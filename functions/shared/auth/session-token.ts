/**
 * Where a request carries its session (DESIGN v3 §5, ADR 0011): `Authorization: Bearer
 * <token>` for API clients, or the HttpOnly session cookie of the HTML pages. The token
 * is opaque (random, not a JWT): what it stands for lives in the session item
 * (`data/session-repository.ts`), so logging out or a revocation ends it at once.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { FetchError, JwtBaseError } from 'aws-jwt-verify/error'
import { errors as joseErrors } from 'jose'
import { hostCookie, hostCookieName, readHostCookie } from '../cookies'

/** `__Host-session` on AWS, `session` on the local platform (see shared/cookies.ts). */
export const SESSION_COOKIE = 'session'
export const sessionCookieName = (): string => hostCookieName(SESSION_COOKIE)

export interface PresentedToken {
  token: string
  /** A cookie is sent by the browser on its own: state changes then need the CSRF token too. */
  via: 'bearer' | 'cookie'
}

export const presentedToken = (event: APIGatewayProxyEventV2): PresentedToken | undefined => {
  const header = event.headers.authorization
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header)
    return match?.[1] ? { token: match[1], via: 'bearer' } : undefined
  }
  const cookie = readHostCookie(event, SESSION_COOKIE)
  return cookie ? { token: cookie, via: 'cookie' } : undefined
}

export const tokenFromEvent = (event: APIGatewayProxyEventV2): string | undefined =>
  presentedToken(event)?.token

/** An ID token refused at sign-in (signature, expiry, audience, algorithm, malformed), not our setup. */
export const isTokenRejection = (error: unknown): boolean =>
  error instanceof joseErrors.JOSEError || (error instanceof JwtBaseError && !(error instanceof FetchError))

/** Lax, not Strict: a staff member opening a mailed task link must arrive signed in. */
export const sessionCookie = (token: string, maxAgeSeconds: number): string =>
  hostCookie(SESSION_COOKIE, token, { maxAgeSeconds, sameSite: 'Lax' })
