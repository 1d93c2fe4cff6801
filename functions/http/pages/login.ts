/**
 * `/login`, `/login/callback`, `/logout` (DESIGN v3 §2, §5). Locally the form picks a
 * seeded user; on AWS `/login` sends the browser to the Cognito hosted UI and
 * `/login/callback` finishes the code flow with PKCE (functions/shared/auth/hosted-ui.ts)
 * and verifies the ID token, once. Both then open the same server-side session
 * (flows/session/start-session.ts) behind the same opaque cookie; logout deletes it.
 */
import { recordLogin } from '../../data/audit-login'
import { getStaffMember } from '../../data/user-repository'
import { endSession } from '../../flows/session/end-session'
import { openSessionFor, startSession } from '../../flows/session/start-session'
import { verifyCognitoToken } from '../../shared/auth/cognito-verifier'
import { sessionCookie } from '../../shared/auth/session-token'
import { readCookie } from '../../shared/cookies'
import {
  beginHostedLogin,
  clearPkceCookie,
  completeHostedLogin,
  type HostedLoginDependencies,
  hostedLogoutUrl,
  LoginFailure,
  PKCE_COOKIE,
} from '../../shared/auth/hosted-ui'
import type { User } from '../../core/identity/user'
import { env } from '../../shared/env'
import { isAppError, NotFoundError, UnsupportedMediaTypeError } from '../../shared/errors'
import { type HttpResult, publicAction } from '../runtime/action'
import { isFormPost, readForm } from '../../web/form-data'
import { localLoginPage, loginFailedPage } from '../../web/login-page'
import { logger } from '../../shared/logger'
import { localLoginUsers } from './local-login-users'
import { assertLoginCsrf, clearLoginCsrfCookie, CSRF_FIELD, newLoginCsrf } from '../../shared/auth/csrf'

/** Only our own staff pages: a `next` pointing elsewhere would make the login an open redirect. */
export const safeNext = (next: string | undefined, role?: User['role']): string =>
  next && /^\/staff\/[A-Za-z0-9/_?=&.%-]*$/.test(next) && !next.includes('//')
    ? next
    : role === 'auditor'
      ? '/staff/cases'
      : // The province's office has no tasks nor cases: its page is the roll-up (ADR 0039).
        role === 'dinsos_provinsi'
        ? '/staff/laporan-bulanan'
        : '/staff/tasks'

const redirect = (location: string, cookies: string[] = []): HttpResult => ({
  statusCode: 303,
  headers: { location, 'cache-control': 'no-store' },
  ...(cookies.length > 0 ? { cookies } : {}),
  body: '',
})

export const showLogin = publicAction(async (request) => {
  // No page asked for: the sign-in picks the role's own first page (safeNext with the role).
  const asked = request.event.queryStringParameters?.next
  const next = asked ? safeNext(asked) : ''
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
  const csrf = newLoginCsrf()
  const refused = (error: string) =>
    localLoginPage(localLoginUsers(), { csrf: csrf.token, next: safeNext(values.next), error }, 401, [
      csrf.cookie,
    ])
  const started = await openSessionFor(member, 'local-form').catch((error: unknown) => {
    if (isAppError(error) && error.status === 401) return error.message
    throw error
  })
  if (typeof started === 'string') return refused(started)
  await recordLogin(member, { method: 'local-form', correlationId: request.correlationId })
  return redirect(safeNext(values.next, member.role), [started.cookie, clearLoginCsrfCookie()])
})

export interface LoginCallbackDependencies extends HostedLoginDependencies {
  /** Opens the session of the verified user (the directory decides whether they may). */
  startSession: typeof startSession
}

/** The callback with its collaborators given: tests pass a stand-in token endpoint and verifier. */
export const createLoginCallback = (deps: LoginCallbackDependencies) =>
  publicAction(async (request) => {
    if (env.authMode() !== 'cognito') throw new NotFoundError('Alamat yang diminta tidak ada.')
    const query = request.event.queryStringParameters ?? {}
    try {
      // The ID token is verified here, once; the session it opens is all later requests carry.
      const { user, next } = await completeHostedLogin(
        { ...query, cookie: readCookie(request.event, PKCE_COOKIE) },
        deps,
      )
      const started = await deps.startSession(user.id, 'hosted-ui').catch((error: unknown) => {
        if (isAppError(error) && error.status === 401)
          throw new LoginFailure(401, error.message, `not an active staff member: ${user.id}`)
        throw error
      })
      return redirect(safeNext(next || undefined, started.member.role), [started.cookie, clearPkceCookie()])
    } catch (error) {
      if (!(error instanceof LoginFailure)) throw error
      logger.warn('hosted UI sign-in refused', { reason: error.message, status: error.status })
      return loginFailedPage(error.status, error.userMessage, [clearPkceCookie()])
    }
  })

export const loginCallback = createLoginCallback({
  verifyIdToken: verifyCognitoToken,
  fetch: (input, init) => fetch(input, init),
  startSession,
})

/**
 * Ends the session: deleted server-side, then the cookie cleared. Through the cookie a
 * live session must send its CSRF token (so another site cannot sign staff out); a dead
 * or unknown one is simply cleared.
 */
export const logout = publicAction(async (request) => {
  const { values } = readForm(request.body)
  await endSession(request.event, values[CSRF_FIELD])
  // On AWS Cognito's own session must end too, or the hosted UI would sign the user straight back in.
  return redirect(env.authMode() === 'cognito' ? hostedLogoutUrl() : '/', [sessionCookie('', 0)])
})
