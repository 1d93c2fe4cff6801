/**
 * Staff sign-in on AWS through the Cognito hosted UI (DESIGN §2, §5; ADR 0006): the
 * authorization-code flow with PKCE (RFC 7636, S256). `/login` sends the browser to the
 * hosted UI with a random `state` and a code challenge, keeping `state` and the code
 * verifier in a short-lived HttpOnly cookie only the callback receives; the callback
 * checks `state`, exchanges the code at the token endpoint and verifies the ID token
 * like any other request's token. The client has no secret (a public client).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { env } from '../env'
import { isAppError } from '../errors'
import { isTokenRejection } from './session-token'
import type { User } from '../../core/identity/user'

export const LOGIN_CALLBACK_PATH = '/login/callback'
/** Where Cognito's logout sends the browser back to (must be among the client's logout URLs). */
export const LOGOUT_RETURN_PATH = '/login'
export const PKCE_COOKIE = 'login_pkce'
/** Ten minutes to get through the hosted UI (MFA included); a later callback starts over. */
const PKCE_TTL_SECONDS = 10 * 60
const SCOPES = 'openid email profile'

const base64url = (bytes: Buffer): string => bytes.toString('base64url')

export const codeChallengeOf = (verifier: string): string =>
  base64url(createHash('sha256').update(verifier).digest())

/** `COGNITO_DOMAIN` as the stack passes it (`https://…`); a bare host name is taken as https. */
const domainUrl = (): string => {
  const domain = env.cognitoDomain().replace(/\/+$/, '')
  return /^https?:\/\//.test(domain) ? domain : `https://${domain}`
}

const redirectUri = (): string => `${env.publicBaseUrl()}${LOGIN_CALLBACK_PATH}`

const pkceCookie = (value: string, maxAgeSeconds: number): string =>
  [
    `${PKCE_COOKIE}=${value}`,
    // Only the callback needs it; Lax still sends it on the top-level redirect back from Cognito.
    `Path=${LOGIN_CALLBACK_PATH}`,
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAgeSeconds}`,
    ...(env.stage() === 'local' ? [] : ['Secure']),
  ].join('; ')

export const clearPkceCookie = (): string => pkceCookie('', 0)

/** The hosted UI's address for a new sign-in, and the cookie that lets the callback finish it. */
export const beginHostedLogin = (next: string): { location: string; cookie: string } => {
  const state = base64url(randomBytes(16))
  const verifier = base64url(randomBytes(32))
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: env.cognitoClientId(),
    redirect_uri: redirectUri(),
    scope: SCOPES,
    state,
    code_challenge: codeChallengeOf(verifier),
    code_challenge_method: 'S256',
  })
  // base64url has no '.', so the page to return to can follow after the second one.
  const cookie = pkceCookie(`${state}.${verifier}.${encodeURIComponent(next)}`, PKCE_TTL_SECONDS)
  return { location: `${domainUrl()}/oauth2/authorize?${query.toString()}`, cookie }
}

/** Where logging out sends the browser on AWS: Cognito ends its own session, then back to `/login`. */
export const hostedLogoutUrl = (): string => {
  const query = new URLSearchParams({
    client_id: env.cognitoClientId(),
    logout_uri: `${env.publicBaseUrl()}${LOGOUT_RETURN_PATH}`,
  })
  return `${domainUrl()}/logout?${query.toString()}`
}

/** Why a callback could not sign the user in: the page's status and its Indonesian message. */
export class LoginFailure extends Error {
  constructor(
    readonly status: 400 | 401 | 502,
    readonly userMessage: string,
    detail: string,
  ) {
    super(detail)
    this.name = 'LoginFailure'
  }
}

const sameText = (a: string, b: string): boolean => {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

export interface HostedLoginDependencies {
  /** The ID token's verification (the Cognito verifier on AWS). */
  verifyIdToken: (token: string) => Promise<User>
  fetch: typeof fetch
}

export interface CallbackInput {
  code?: string
  state?: string
  /** `error` as Cognito sends it back (the user cancelled, the client is misconfigured, …). */
  error?: string
  cookie?: string
}

const START_OVER = 'Silakan masuk kembali.'

const exchangeCode = async (code: string, verifier: string, fetchFn: typeof fetch): Promise<string> => {
  const unavailable = (detail: string) =>
    new LoginFailure(502, `Layanan login sedang tidak dapat dihubungi. ${START_OVER}`, detail)
  let response: Response
  try {
    response = await fetchFn(`${domainUrl()}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: env.cognitoClientId(),
        code,
        redirect_uri: redirectUri(),
        code_verifier: verifier,
      }).toString(),
      signal: AbortSignal.timeout(10_000),
    })
  } catch (error) {
    throw unavailable(`token endpoint unreachable: ${(error as Error).message}`)
  }
  const body = (await response.json().catch(() => ({}))) as { id_token?: unknown; error?: unknown }
  // A code that is used, expired or not ours is the user's to retry, not an outage.
  if (response.status === 400 && body.error === 'invalid_grant')
    throw new LoginFailure(400, `Kode login tidak berlaku lagi. ${START_OVER}`, 'invalid_grant')
  if (!response.ok || typeof body.id_token !== 'string')
    throw unavailable(`token endpoint answered ${response.status} ${String(body.error ?? '')}`)
  return body.id_token
}

/**
 * An ID token the sign-in refuses (a 401 page): forged, expired, for another client or
 * pool, `alg:none`, or without a complete staff identity. Anything else is our fault.
 */
export const isRefusedIdentity = (error: unknown): boolean =>
  isTokenRejection(error) || (isAppError(error) && error.status === 401)

/**
 * The callback's work: the user the ID token names (verified here, once; the token is
 * not kept) and where to send them.
 */
export const completeHostedLogin = async (
  input: CallbackInput,
  deps: HostedLoginDependencies,
): Promise<{ user: User; next: string }> => {
  if (input.error)
    throw new LoginFailure(
      400,
      `Login dibatalkan atau ditolak. ${START_OVER}`,
      `cognito error ${input.error}`,
    )
  const [state, verifier, next] = (input.cookie ?? '').split('.', 3)
  if (!state || !verifier)
    throw new LoginFailure(400, `Sesi login sudah kedaluwarsa. ${START_OVER}`, 'no pkce cookie')
  if (!input.code || !input.state || !sameText(input.state, state))
    throw new LoginFailure(400, `Permintaan login tidak cocok. ${START_OVER}`, 'state mismatch')
  const idToken = await exchangeCode(input.code, verifier, deps.fetch)
  try {
    const user = await deps.verifyIdToken(idToken)
    return { user, next: decodeURIComponent(next ?? '') }
  } catch (error) {
    if (isRefusedIdentity(error))
      throw new LoginFailure(
        401,
        `Identitas dari layanan login tidak dapat diterima. ${START_OVER}`,
        String(error),
      )
    throw error
  }
}
