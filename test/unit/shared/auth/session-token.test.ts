import { afterEach, describe, expect, it } from 'vitest'
import { presentedToken, sessionCookie } from '../../../../functions/shared/auth/session-token'
import { apiEvent } from '../../../support/events'

const stage = process.env.STAGE
afterEach(() => {
  if (stage === undefined) delete process.env.STAGE
  else process.env.STAGE = stage
})

describe('where a request carries its session', () => {
  it('reads the Bearer header of API clients and the session cookie of the pages', () => {
    process.env.STAGE = 'local'
    expect(
      presentedToken(apiEvent({ routeKey: 'GET /api/tasks', headers: { authorization: 'Bearer abc' } })),
    ).toEqual({ token: 'abc', via: 'bearer' })
    expect(
      presentedToken(apiEvent({ routeKey: 'GET /staff', cookies: ['theme=dark', 'session=xyz'] })),
    ).toEqual({
      token: 'xyz',
      via: 'cookie',
    })
  })

  it('a malformed Authorization header is no session, even with a cookie beside it', () => {
    process.env.STAGE = 'local'
    const event = apiEvent({
      routeKey: 'GET /api/tasks',
      headers: { authorization: 'Basic abc' },
      cookies: ['session=xyz'],
    })
    expect(presentedToken(event)).toBeUndefined()
  })

  it('on AWS a plain `session` cookie planted by a sibling subdomain or over http is ignored', () => {
    process.env.STAGE = 'aws'
    expect(presentedToken(apiEvent({ routeKey: 'GET /staff', cookies: ['session=planted'] }))).toBeUndefined()
    expect(presentedToken(apiEvent({ routeKey: 'GET /staff', cookies: ['__Host-session=real'] }))).toEqual({
      token: 'real',
      via: 'cookie',
    })
  })
})

describe('the session cookie', () => {
  it('on AWS is a __Host- cookie: Secure, Path=/, no Domain, HttpOnly, SameSite=Lax', () => {
    process.env.STAGE = 'aws'
    const cookie = sessionCookie('t0k3n', 28800)
    expect(cookie.split('; ')).toEqual([
      '__Host-session=t0k3n',
      'Path=/',
      'HttpOnly',
      'SameSite=Lax',
      'Max-Age=28800',
      'Secure',
    ])
  })

  it('locally (plain http) falls back to `session` without Secure, which browsers would drop off localhost', () => {
    process.env.STAGE = 'local'
    expect(sessionCookie('t0k3n', 60)).toBe('session=t0k3n; Path=/; HttpOnly; SameSite=Lax; Max-Age=60')
  })
})
