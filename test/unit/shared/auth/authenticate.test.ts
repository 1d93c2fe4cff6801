import { SignJWT, UnsecuredJWT } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { authenticate } from '../../../../functions/shared/auth/authenticate'
import { issueLocalToken, LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../../../functions/shared/auth/local-issuer'
import type { User } from '../../../../functions/core/identity/user'
import { advanceClock } from '../../../../functions/shared/clock'
import { apiEvent } from '../../../support/events'

const SECRET = 'a-test-secret-of-enough-length-0123456789'
const user: User = {
  id: 'tksk.leuwiliang',
  username: 'tksk.leuwiliang',
  role: 'tksk',
  area: '32.01.14',
  email: 't@x.local',
}
const withBearer = (token: string) =>
  apiEvent({ routeKey: 'GET /api/tasks', headers: { authorization: `Bearer ${token}` } })
const claims = { username: user.username, role: user.role, area: user.area, email: user.email }

const signed = (secret: string, audience = LOCAL_AUDIENCE, expiresIn = '1h') =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.id)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret))

beforeAll(() => {
  process.env.LOCAL_JWT_SECRET = SECRET
  process.env.AUTH_MODE = 'local'
})

describe('authentication', () => {
  it('maps a valid local token to the one User shape', async () => {
    expect(await authenticate(withBearer(await issueLocalToken(user)))).toEqual(user)
  })

  it('reads the token from the session cookie of the HTML pages', async () => {
    const token = await issueLocalToken(user)
    const event = apiEvent({ routeKey: 'GET /staff', cookies: ['theme=dark', `session=${token}`] })
    expect(await authenticate(event)).toEqual(user)
  })

  it.each([
    ['no token at all', async () => apiEvent({ routeKey: 'GET /api/tasks' })],
    [
      'a token signed with another key',
      async () => withBearer(await signed('another-secret-of-enough-length-98765')),
    ],
    ['a token for another audience', async () => withBearer(await signed(SECRET, 'someone-else'))],
    [
      'an unsigned alg:none token',
      async () =>
        withBearer(
          new UnsecuredJWT(claims)
            .setSubject(user.id)
            .setIssuer(LOCAL_ISSUER)
            .setAudience(LOCAL_AUDIENCE)
            .setExpirationTime('1h')
            .encode(),
        ),
    ],
    [
      'a token without a role',
      async () =>
        withBearer(
          await new SignJWT({ username: 'x', area: '32', email: 'e' })
            .setProtectedHeader({ alg: 'HS256' })
            .setSubject('x')
            .setIssuer(LOCAL_ISSUER)
            .setAudience(LOCAL_AUDIENCE)
            .setExpirationTime('1h')
            .sign(new TextEncoder().encode(SECRET)),
        ),
    ],
    [
      'a malformed header',
      async () => apiEvent({ routeKey: 'GET /api/tasks', headers: { authorization: 'Basic abc' } }),
    ],
  ])('refuses %s with 401', async (_name, makeEvent) => {
    await expect(authenticate(await makeEvent())).rejects.toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
    })
  })

  it('treats a missing signing secret as our failure (500), not as an expired session', async () => {
    const token = await issueLocalToken(user)
    delete process.env.LOCAL_JWT_SECRET
    try {
      await expect(authenticate(withBearer(token))).rejects.not.toMatchObject({ status: 401 })
    } finally {
      process.env.LOCAL_JWT_SECRET = SECRET
    }
  })

  it('expires a session after 8 hours on the project clock', async () => {
    const token = await issueLocalToken(user)
    await advanceClock(7 * 3600)
    expect(await authenticate(withBearer(token))).toEqual(user)
    await advanceClock(3600 + 1)
    await expect(authenticate(withBearer(token))).rejects.toMatchObject({ status: 401 })
  })
})
