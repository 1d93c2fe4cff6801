/**
 * Cookies of the system (ADR 0011). On AWS each is a `__Host-` cookie: Secure, `Path=/`,
 * no Domain, so neither a sibling subdomain nor plain http can plant or read it. A
 * `__Host-` cookie must be Secure, and the local platform serves plain http (browsers
 * accept Secure only on localhost, not on a LAN address), so locally the same cookie goes
 * by its bare name without Secure.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { env } from './env'

export const hostCookieName = (base: string): string => (env.stage() === 'local' ? base : `__Host-${base}`)

export const hostCookie = (
  base: string,
  value: string,
  options: { maxAgeSeconds: number; sameSite: 'Lax' | 'Strict' },
): string =>
  [
    `${hostCookieName(base)}=${value}`,
    'Path=/',
    'HttpOnly',
    `SameSite=${options.sameSite}`,
    `Max-Age=${options.maxAgeSeconds}`,
    ...(env.stage() === 'local' ? [] : ['Secure']),
  ].join('; ')

export const readCookie = (event: APIGatewayProxyEventV2, name: string): string | undefined => {
  for (const cookie of event.cookies ?? []) {
    const separator = cookie.indexOf('=')
    if (separator > 0 && cookie.slice(0, separator).trim() === name) return cookie.slice(separator + 1).trim()
  }
  return undefined
}

export const readHostCookie = (event: APIGatewayProxyEventV2, base: string): string | undefined =>
  readCookie(event, hostCookieName(base))
