/**
 * Staff sign-in through the Cognito hosted UI (AUTH_MODE=cognito): the code flow with
 * PKCE against a local HTTP server standing in for Cognito's token endpoint, with the ID
 * token's verification injected.
 */
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { JwtExpiredError, JwtInvalidAudienceError } from 'aws-jwt-verify/error'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createLoginCallback, logout, showLogin } from '../../../functions/http/pages/login'
import { findRouteByKey } from '../../../functions/http/routes'
import { NOT_ACTIVE_STAFF } from '../../../functions/flows/session/start-session'
import { sessionCookie } from '../../../functions/shared/auth/session-token'
import type { User } from '../../../functions/core/identity/user'
import { UnauthenticatedError } from '../../../functions/shared/errors'
import type { PublicAction } from '../../../functions/http/runtime/action'
import { apiEvent } from '../../support/events'

const PUBLIC = 'https://tksk.example.go.id'
const CLIENT = 'staff-client-id'
const ID_TOKEN = 'header.payload.signature'
const STAFF: User = { id: 'u-1', username: 'tksk.leuwiliang', role: 'tksk', area: '32.01.14', email: 't@x' }
const SESSION_TOKEN = 'an-opaque-session-token-of-43-characters-xx'

interface TokenRequest {
  contentType: string | undefined
  form: URLSearchParams
}

let server: Server
let domain: string
let tokenRequests: TokenRequest[] = []
let tokenReply: { status: number; body: unknown } = { status: 200, body: { id_token: ID_TOKEN } }
let verified: string[] = []
let verify: (token: string) => Promise<User> = async () => STAFF
let sessionsStarted: string[] = []
let directoryRefuses = false

const readBody = async (request: IncomingMessage): Promise<string> => {
  let text = ''
  for await (const chunk of request) text += String(chunk)
  return text
}

const saved = { ...process.env }
beforeAll(async () => {
  server = createServer((request, response) => {
    void readBody(request).then((text) => {
      if (request.method === 'POST' && request.url === '/oauth2/token')
        tokenRequests.push({ contentType: request.headers['content-type'], form: new URLSearchParams(text) })
      response.writeHead(tokenReply.status, { 'content-type': 'application/json' })
      response.end(JSON.stringify(tokenReply.body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  domain = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  process.env = saved
  await new Promise((resolve) => server.close(resolve))
})
beforeEach(() => {
  Object.assign(process.env, {
    STAGE: 'aws',
    AUTH_MODE: 'cognito',
    COGNITO_DOMAIN: domain,
    COGNITO_CLIENT_ID: CLIENT,
    PUBLIC_BASE_URL: PUBLIC,
  })
  tokenRequests = []
  verified = []
  tokenReply = { status: 200, body: { id_token: ID_TOKEN } }
  verify = async () => STAFF
  sessionsStarted = []
  directoryRefuses = false
})

const callback = createLoginCallback({
  verifyIdToken: async (token) => {
    verified.push(token)
    return verify(token)
  },
  fetch: (input, init) => fetch(input, init),
  // The session store is DynamoDB (test/integration/security/sessions.test.ts); here, what the callback asks of it.
  startSession: async (userId) => {
    if (directoryRefuses) throw new UnauthenticatedError(NOT_ACTIVE_STAFF)
    sessionsStarted.push(userId)
    return {
      token: SESSION_TOKEN,
      member: { ...STAFF, displayName: 'T' },
      cookie: sessionCookie(SESSION_TOKEN, 28800),
    }
  },
})

const run = (action: PublicAction, routeKey: string, overrides: Parameters<typeof apiEvent>[0]) => {
  const route = findRouteByKey(routeKey)
  if (!route) throw new Error(`no route ${routeKey}`)
  return action.run({
    event: apiEvent(overrides),
    route,
    correlationId: 'test',
    body: '',
    bodyBytes: Buffer.alloc(0),
  })
}

/** Starts a sign-in: the hosted UI's URL and the value of the PKCE cookie set with it. */
const begin = async (next?: string) => {
  const result = await run(showLogin, 'GET /login', {
    routeKey: 'GET /login',
    ...(next ? { queryStringParameters: { next } } : {}),
  })
  const cookie = result.cookies?.[0] ?? ''
  return {
    result,
    location: new URL(String(result.headers?.location)),
    cookie,
    value: cookie.split(';')[0] ?? '',
  }
}

const finish = (query: Record<string, string>, cookie?: string) =>
  run(callback, 'GET /login/callback', {
    routeKey: 'GET /login/callback',
    queryStringParameters: query,
    ...(cookie ? { cookies: [cookie] } : {}),
  })

const sessionCookieOf = (result: Awaited<ReturnType<typeof finish>>) =>
  result.cookies?.find((c) => c.startsWith('__Host-session='))

describe('signing in through the Cognito hosted UI', () => {
  it('GET /login sends the browser to the hosted UI with the client, callback, scopes, a state and an S256 challenge', async () => {
    const { result, location, cookie, value } = await begin()
    expect(result.statusCode).toBe(302)
    expect(`${location.origin}${location.pathname}`).toBe(`${domain}/oauth2/authorize`)
    const query = Object.fromEntries(location.searchParams)
    expect(query).toMatchObject({
      response_type: 'code',
      client_id: CLIENT,
      redirect_uri: `${PUBLIC}/login/callback`,
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    })
    expect(query.state).toMatch(/^[A-Za-z0-9_-]{22}$/)
    const [state, verifier] = value.slice('login_pkce='.length).split('.')
    expect(state).toBe(query.state)
    expect(query.code_challenge).toBe(
      createHash('sha256')
        .update(verifier ?? '')
        .digest('base64url'),
    )
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).toMatch(/Secure/)
    expect(cookie).toMatch(/Path=\/login\/callback/)
    expect(cookie).toMatch(/Max-Age=600/)
  })

  it('two sign-ins never share a state or a verifier', async () => {
    const first = await begin()
    const second = await begin()
    expect(first.value).not.toBe(second.value)
  })

  it('the callback exchanges the code with the verifier, verifies the ID token, sets the session and 303s to the tasks', async () => {
    const { location, value } = await begin()
    const state = location.searchParams.get('state') ?? ''
    const result = await finish({ code: 'the-code', state }, value)
    expect(result.statusCode).toBe(303)
    expect(result.headers?.location).toBe('/staff/tasks')
    expect(tokenRequests).toHaveLength(1)
    expect(tokenRequests[0]?.contentType).toBe('application/x-www-form-urlencoded')
    expect(Object.fromEntries(tokenRequests[0]?.form ?? [])).toEqual({
      grant_type: 'authorization_code',
      client_id: CLIENT,
      code: 'the-code',
      redirect_uri: `${PUBLIC}/login/callback`,
      code_verifier: value.split('.')[1],
    })
    expect(verified).toEqual([ID_TOKEN])
    expect(sessionsStarted).toEqual([STAFF.id])
    const session = sessionCookieOf(result) ?? ''
    // The cookie holds the opaque session, never the ID token (verified once, here, then dropped).
    expect(session.split(';')[0]).toBe(`__Host-session=${SESSION_TOKEN}`)
    expect(session).not.toContain(ID_TOKEN)
    expect(session).toMatch(/HttpOnly/)
    expect(session).toMatch(/Secure/)
    expect(session).toMatch(/Path=\/;/)
    expect(session).not.toMatch(/Domain=/)
    expect(result.cookies).toContainEqual(expect.stringMatching(/^login_pkce=; .*Max-Age=0/))
  })

  it('returns the user to the staff page they asked for, never to another site', async () => {
    const asked = await begin('/staff/cases')
    const ok = await finish({ code: 'c', state: asked.location.searchParams.get('state') ?? '' }, asked.value)
    expect(ok.headers?.location).toBe('/staff/cases')
    const evil = await begin('https://evil.example/staff/x')
    const safe = await finish({ code: 'c', state: evil.location.searchParams.get('state') ?? '' }, evil.value)
    expect(safe.headers?.location).toBe('/staff/tasks')
  })

  const refused = async (result: Awaited<ReturnType<typeof finish>>, status: number, text: RegExp) => {
    expect(result.statusCode).toBe(status)
    expect(sessionCookieOf(result)).toBeUndefined()
    expect(String(result.headers?.['content-type'])).toMatch(/text\/html/)
    expect(result.body).toMatch(text)
    expect(result.body).toContain('href="/login"')
    expect(result.body).not.toMatch(/Error|stack|127\.0\.0\.1/)
  }

  it('a callback without the login cookie (expired, or another browser) is a 400 page and asks Cognito nothing', async () => {
    const { location } = await begin()
    await refused(
      await finish({ code: 'c', state: location.searchParams.get('state') ?? '' }),
      400,
      /kedaluwarsa/,
    )
    expect(tokenRequests).toEqual([])
  })

  it('a state that does not match the cookie’s (a forged callback) is a 400 page and asks Cognito nothing', async () => {
    const { value } = await begin()
    await refused(await finish({ code: 'c', state: 'forged-state-0000000000' }, value), 400, /tidak cocok/)
    await refused(await finish({ code: 'c' }, value), 400, /tidak cocok/)
    expect(tokenRequests).toEqual([])
  })

  it('an error sent back by Cognito (the user cancelled) is a 400 page', async () => {
    const { location, value } = await begin()
    const state = location.searchParams.get('state') ?? ''
    await refused(await finish({ error: 'access_denied', state }, value), 400, /dibatalkan/)
    expect(tokenRequests).toEqual([])
  })

  it('a code Cognito no longer accepts is a 400 page; a failing or unreachable token endpoint a 502 page', async () => {
    const { location, value } = await begin()
    const state = location.searchParams.get('state') ?? ''
    tokenReply = { status: 400, body: { error: 'invalid_grant' } }
    await refused(await finish({ code: 'used', state }, value), 400, /tidak berlaku/)
    tokenReply = { status: 500, body: { error: 'internal' } }
    await refused(await finish({ code: 'c', state }, value), 502, /tidak dapat dihubungi/)
    tokenReply = { status: 200, body: { access_token: 'no id token' } }
    await refused(await finish({ code: 'c', state }, value), 502, /tidak dapat dihubungi/)
    process.env.COGNITO_DOMAIN = 'http://127.0.0.1:9'
    await refused(await finish({ code: 'c', state }, value), 502, /tidak dapat dihubungi/)
  })

  it('an ID token the verifier refuses (expired, wrong audience) is a 401 page without a session', async () => {
    const { location, value } = await begin()
    const state = location.searchParams.get('state') ?? ''
    verify = async () => {
      throw new JwtExpiredError('expired', 1)
    }
    await refused(await finish({ code: 'c', state }, value), 401, /tidak dapat diterima/)
    verify = async () => {
      throw new JwtInvalidAudienceError('aud', 'other', CLIENT)
    }
    await refused(await finish({ code: 'c', state }, value), 401, /tidak dapat diterima/)
  })

  it('a dismissed staff member whose Cognito account still works gets a 401 page and no session', async () => {
    const { location, value } = await begin()
    directoryRefuses = true
    await refused(
      await finish({ code: 'c', state: location.searchParams.get('state') ?? '' }, value),
      401,
      /petugas aktif/,
    )
  })

  it('the callback does not exist when staff sign in locally', async () => {
    process.env.AUTH_MODE = 'local'
    await expect(finish({ code: 'c', state: 's' })).rejects.toMatchObject({ status: 404 })
  })
})

describe('signing out on AWS', () => {
  it('clears the session and sends the browser to Cognito’s logout, which returns to /login', async () => {
    const result = await run(logout, 'POST /logout', { routeKey: 'POST /logout' })
    expect(result.statusCode).toBe(303)
    const location = new URL(String(result.headers?.location))
    expect(`${location.origin}${location.pathname}`).toBe(`${domain}/logout`)
    expect(Object.fromEntries(location.searchParams)).toEqual({
      client_id: CLIENT,
      logout_uri: `${PUBLIC}/login`,
    })
    expect(result.cookies).toContainEqual(expect.stringMatching(/^__Host-session=; .*Max-Age=0/))
  })
})
