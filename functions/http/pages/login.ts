/**
 * `/login`, `/login/callback`, `/logout` (DESIGN §2, §5). Locally the form picks a seeded
 * user and the local issuer signs the session; on AWS `/login` sends the browser to the
 * Cognito hosted UI and `/login/callback` finishes the code flow with PKCE
 * (functions/shared/auth/hosted-ui.ts), setting the same `session` cookie.
 */
import { recordLogin } from '../../data/audit-login'
import { getStaffMember } from '../../data/user-repository'
import { authenticate, readCookie, sessionCookie, tokenFromEvent } from '../../shared/auth/authenticate'
import { verifyCognitoToken } from '../../shared/auth/cognito-verifier'
import {
  beginHostedLogin,
  clearPkceCookie,
  completeHostedLogin,
  type HostedLoginDependencies,
  hostedLogoutUrl,
  LoginFailure,
  PKCE_COOKIE,
} from '../../shared/auth/hosted-ui'
import { issueLocalToken, SESSION_TTL_SECONDS } from '../../shared/auth/local-issuer'
import type { User } from '../../core/identity/user'
import { env } from '../../shared/env'
import { isAppError, NotFoundError, UnsupportedMediaTypeError } from '../../shared/errors'
import { type HttpResult, publicAction } from '../runtime/action'
import { isFormPost, readForm } from '../../web/form-data'
import { localLoginPage, loginFailedPage } from '../../web/login-page'
import { logger } from '../../shared/logger'
import { localLoginUsers } from './local-login-users'
import { assertCsrf, assertLoginCsrf, clearLoginCsrfCookie, CSRF_FIELD, newLoginCsrf } from './csrf'

/** Only our own staff pages: a `next` pointing elsewhere would make the login an open redirect. */
export const safeNext = (next: string | undefined, role?: User['role']): string =>
  next && /^\/staff\/[A-Za-z0-9/_?=&.%-]*$/.test(next) && !next.includes('//')
    ? next
    : role === 'auditor'
      ? '/staff/cases'
      : '/staff/tasks'

const redirect = (location: string, cookies: string[] = []): HttpResult => ({
  statusCode: 303,
  headers: { location, 'cache-control': 'no-store' },
  ...(cookies.length > 0 ? { cookies } : {}),
  body: '',
})

export const showLogin = publicAction(async (request) => {
  const next = safeNext(request.event.queryStringParameters?.next)
  if (env.authMode() === 'cognito') {
    const { location, cookie } = beginHostedLogin(next)
    return {
      statusCode: 302,
      headers: { location, 'cache-control': 'no-store' },
      cookies: [cookie],
      body: '',
    }
  }
  const csrf = newLoginCsrf()
  return localLoginPage(localLoginUsers(), { csrf: csrf.token, next }, 200, [csrf.cookie])
})

export const submitLogin = publicAction(async (request) => {
  if (env.authMode() === 'cognito') throw new NotFoundError('Alamat yang diminta tidak ada.')
  if (!isFormPost(request.event.headers['content-type']))
    throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded')
  const { values } = readForm(request.body)
  assertLoginCsrf(request.event, values[CSRF_FIELD])
  const member = values.username ? await getStaffMember(values.username) : undefined
  if (!member || member.username !== values.username) {
    const csrf = newLoginCsrf()
    return localLoginPage(
      localLoginUsers(),
      { csrf: csrf.token, next: safeNext(values.next), error: 'Pengguna tidak dikenal.' },
      400,
      [csrf.cookie],
    )
  }
  const token = await issueLocalToken(member)
  await recordLogin(member, { method: 'local-form', correlationId: request.correlationId })
  return redirect(safeNext(values.next, member.role), [
    sessionCookie(token, SESSION_TTL_SECONDS),
    clearLoginCsrfCookie(),
  ])
})

/** The callback with its collaborators given: tests pass a stand-in token endpoint and verifier. */
export const createLoginCallback = (deps: HostedLoginDependencies) =>
  publicAction(async (request) => {
    if (env.authMode() !== 'cognito') throw new NotFoundError('Alamat yang diminta tidak ada.')
    const query = request.event.queryStringParameters ?? {}
    try {
      const { user, idToken, next } = await completeHostedLogin(
        { ...query, cookie: readCookie(request.event, PKCE_COOKIE) },
        deps,
      )
      return redirect(safeNext(next || undefined, user.role), [
        sessionCookie(idToken, SESSION_TTL_SECONDS),
        clearPkceCookie(),
      ])
    } catch (error) {
      if (!(error instanceof LoginFailure)) throw error
      logger.warn('hosted UI sign-in refused', { reason: error.message, status: error.status })
      return loginFailedPage(error.status, error.userMessage, [clearPkceCookie()])
    }
  })

export const loginCallback = createLoginCallback({
  verifyIdToken: verifyCognitoToken,
  fetch: (input, init) => fetch(input, init),
})

/**
 * Ends the session: the cookie is cleared. A valid session must send its CSRF token (so
 * another site cannot sign staff out); an expired or broken one is simply cleared.
 */
export const logout = publicAction(async (request) => {
  const { values } = readForm(request.body)
  if (tokenFromEvent(request.event)) {
    const valid = await authenticate(request.event).then(
      () => true,
      (error: unknown) => {
        if (isAppError(error) && error.status === 401) return false
        throw error
      },
    )
    if (valid) assertCsrf(request.event, values[CSRF_FIELD])
  }
  // On AWS Cognito's own session must end too, or the hosted UI would sign the user straight back in.
  return redirect(env.authMode() === 'cognito' ? hostedLogoutUrl() : '/', [sessionCookie('', 0)])
})
