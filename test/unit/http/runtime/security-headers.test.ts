import { afterEach, describe, expect, it } from 'vitest'
import { securityHeaders } from '../../../../functions/http/runtime/security-headers'

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
})

describe('the security headers of every response', () => {
  it('on AWS pin the browser to https (HSTS, two years, subdomains)', () => {
    Object.assign(process.env, {
      STAGE: 'aws',
      AUTH_MODE: 'cognito',
      COGNITO_DOMAIN: 'https://tksk.auth.ap-southeast-3.amazoncognito.com',
    })
    expect(securityHeaders()['strict-transport-security']).toBe('max-age=63072000; includeSubDomains')
  })

  it('locally send no HSTS: the platform is plain http and localhost serves other projects too', () => {
    Object.assign(process.env, { STAGE: 'local', AUTH_MODE: 'local' })
    expect(securityHeaders()).not.toHaveProperty('strict-transport-security')
    expect(securityHeaders()['content-security-policy']).toContain("form-action 'self';")
  })

  it('let a form post be redirected to the Cognito hosted UI only (logout), and nowhere else', () => {
    Object.assign(process.env, {
      STAGE: 'aws',
      AUTH_MODE: 'cognito',
      COGNITO_DOMAIN: 'tksk.auth.ap-southeast-3.amazoncognito.com/',
    })
    const csp = securityHeaders()['content-security-policy'] ?? ''
    expect(csp).toContain("form-action 'self' https://tksk.auth.ap-southeast-3.amazoncognito.com;")
    expect(csp).toContain("script-src 'self';")
    expect(csp).toContain("frame-ancestors 'none'")
  })
})
