/**
 * `/login`, `/login/callback`, `/logout` (DESIGN §2, §5). Locally the form picks a seeded
 * user and the local issuer signs the session; on AWS `/login` sends the browser to the
 * Cognito hosted UI (env `COGNITO_DOMAIN`), whose code exchange at `/login/callback` is
 * still to be built.
 */
import { seedStaff } from '../../../infra/local/seed/seed-data'
import { getStaffMember } from '../../data/user-repository'
import { authenticate, sessionCookie, tokenFromEvent } from '../../shared/auth/authenticate'
import { issueLocalToken, SESSION_TTL_SECONDS } from '../../shared/auth/local-issuer'
import type { User } from '../../shared/auth/user'
import { env } from '../../shared/env'
import { isAppError, NotFoundError, UnsupportedMediaTypeError } from '../../shared/errors'
import { type HttpResult, publicAction } from '../../shared/http/action'
import { isFormPost, readForm } from '../../web/form-data'
import { callbackTodoPage, localLoginPage } from '../../web/login-page'
import { messagePage } from '../../web/task-page'
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

/** Read on use like every setting; only the pages need it, so it lives here rather than in shared/env. */
const cognitoDomain = (): string | undefined => process.env.COGNITO_DOMAIN || undefined

const hostedUiUrl = (): string | undefined => {
  const domain = cognitoDomain()
  if (!domain) return undefined
  const base = domain.startsWith('https://') ? domain : `https://${domain}`
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: env.cognitoClientId(),
    redirect_uri: `${env.publicBaseUrl()}/login/callback`,
    scope: 'openid email profile',
  })
  return `${base}/oauth2/authorize?${query.toString()}`
}

const localUsers = () =>
  seedStaff.map(({ username, displayName, role, area }) => ({ username, displayName, role, area }))

export const showLogin = publicAction(async (request) => {
  const next = safeNext(request.event.queryStringParameters?.next)
  if (env.authMode() === 'cognito') {
    const url = hostedUiUrl()
    if (!url)
      return messagePage(
        503,
        'Masuk belum dikonfigurasi',
        'Login petugas belum dikonfigurasi (COGNITO_DOMAIN).',
      )
    return { statusCode: 302, headers: { location: url, 'cache-control': 'no-store' }, body: '' }
  }
  const csrf = newLoginCsrf()
  return localLoginPage(localUsers(), { csrf: csrf.token, next }, 200, [csrf.cookie])
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
      localUsers(),
      { csrf: csrf.token, next: safeNext(values.next), error: 'Pengguna tidak dikenal.' },
      400,
      [csrf.cookie],
    )
  }
  const token = await issueLocalToken(member)
  return redirect(safeNext(values.next, member.role), [
    sessionCookie(token, SESSION_TTL_SECONDS),
    clearLoginCsrfCookie(),
  ])
})

export const loginCallback = publicAction(async () => callbackTodoPage())

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
  return redirect('/', [sessionCookie('', 0)])
})
