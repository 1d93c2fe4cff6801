import { beforeEach, describe, expect, it } from 'vitest'
import {
  assertCsrf,
  assertLoginCsrf,
  csrfMatches,
  csrfTokenFor,
  newLoginCsrf,
} from '../../../functions/shared/auth/csrf'
import { ForbiddenError } from '../../../functions/shared/errors'
import { apiEvent } from '../../support/events'

describe('the CSRF token of the staff forms', () => {
  beforeEach(() => {
    process.env.STAGE = 'local'
  })

  it('is bound to the session: stable for one, different for another', () => {
    expect(csrfTokenFor('session-a')).toBe(csrfTokenFor('session-a'))
    expect(csrfTokenFor('session-a')).not.toBe(csrfTokenFor('session-b'))
    expect(csrfTokenFor('session-a')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(csrfTokenFor('session-a')).not.toContain('session-a')
  })

  it('accepts only the token of the request’s own session', () => {
    expect(csrfMatches('s', csrfTokenFor('s'))).toBe(true)
    expect(csrfMatches('s', csrfTokenFor('t'))).toBe(false)
    expect(csrfMatches('s', '')).toBe(false)
    expect(csrfMatches(undefined, csrfTokenFor('s'))).toBe(false)
    expect(csrfMatches('s', undefined)).toBe(false)
  })

  it('reads the session from the cookie or the bearer header and refuses a forged form with 403', () => {
    const withCookie = apiEvent({ routeKey: 'POST /logout', cookies: ['session=abc'] })
    expect(() => assertCsrf(withCookie, csrfTokenFor('abc'))).not.toThrow()
    expect(() => assertCsrf(withCookie, csrfTokenFor('other'))).toThrow(ForbiddenError)
    const withHeader = apiEvent({ routeKey: 'POST /logout', headers: { authorization: 'Bearer xyz' } })
    expect(() => assertCsrf(withHeader, csrfTokenFor('xyz'))).not.toThrow()
    expect(() => assertCsrf(apiEvent({ routeKey: 'POST /logout' }), csrfTokenFor(''))).toThrow(ForbiddenError)
  })

  it('protects the login form with a random double-submit cookie', () => {
    const first = newLoginCsrf()
    expect(first.token).not.toBe(newLoginCsrf().token)
    expect(first.cookie).toMatch(/^login_csrf=[A-Za-z0-9_-]+; Path=\/login; HttpOnly; SameSite=Strict/)
    const event = apiEvent({ routeKey: 'POST /login', cookies: [`login_csrf=${first.token}`] })
    expect(() => assertLoginCsrf(event, first.token)).not.toThrow()
    expect(() => assertLoginCsrf(event, 'guess')).toThrow(ForbiddenError)
    expect(() => assertLoginCsrf(apiEvent({ routeKey: 'POST /login' }), first.token)).toThrow(ForbiddenError)
  })
})
