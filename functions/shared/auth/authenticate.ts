/**
 * Authentication middleware logic: the token comes from `Authorization: Bearer …` or the
 * HttpOnly `session` cookie of the HTML pages. Any failure (absent, expired, wrongly
 * signed, wrong audience, `alg: none`, incomplete claims) is the same 401.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { FetchError, JwtBaseError } from 'aws-jwt-verify/error'
import { errors as joseErrors } from 'jose'
import { env } from '../env'
import { isAppError, UnauthenticatedError } from '../errors'
import { verifyCognitoToken } from './cognito-verifier'
import { verifyLocalToken } from './local-issuer'
import type { User } from '../../core/identity/user'

export const SESSION_COOKIE = 'session'

export const readCookie = (event: APIGatewayProxyEventV2, name: string): string | undefined => {
  for (const cookie of event.cookies ?? []) {
    const separator = cookie.indexOf('=')
    if (separator > 0 && cookie.slice(0, separator).trim() === name) return cookie.slice(separator + 1).trim()
  }
  return undefined
}

export const tokenFromEvent = (event: APIGatewayProxyEventV2): string | undefined => {
  const header = event.headers.authorization
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header)
    return match?.[1]
  }
  return readCookie(event, SESSION_COOKIE)
}

/** The token itself was refused (signature, expiry, audience, algorithm, malformed), not our setup. */
export const isTokenRejection = (error: unknown): boolean =>
  error instanceof joseErrors.JOSEError || (error instanceof JwtBaseError && !(error instanceof FetchError))

export const authenticate = async (event: APIGatewayProxyEventV2): Promise<User> => {
  const token = tokenFromEvent(event)
  if (!token) throw new UnauthenticatedError()
  try {
    return env.authMode() === 'cognito' ? await verifyCognitoToken(token) : await verifyLocalToken(token)
  } catch (error) {
    if (isAppError(error)) throw error
    if (isTokenRejection(error)) {
      throw new UnauthenticatedError('Sesi tidak valid atau sudah berakhir. Silakan masuk kembali.')
    }
    // A missing secret or an unreachable JWKS is our fault, not the caller's: a logged 500.
    throw error
  }
}

export const sessionCookie = (token: string, maxAgeSeconds: number): string =>
  [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAgeSeconds}`,
    ...(env.stage() === 'local' ? [] : ['Secure']),
  ].join('; ')
