/**
 * Unknown addresses (`$default`, answered by the pages Lambda on AWS and locally): a
 * person gets an Indonesian HTML 404 with a link home, a program calling `/api/…` keeps
 * the contract's JSON 404, with or without a token.
 */
import type { Context } from 'aws-lambda'
import { describe, expect, it } from 'vitest'
import { isMachinePath } from '../../../../functions/http/runtime/error-page'
import { handler } from '../../../../functions/http/pages/handler'
import { defaultRouteResource } from '../../../../functions/http/routes'
import { apiEvent } from '../../../support/events'

type Result = { statusCode: number; body: string; headers: Record<string, string> }

const unknown = async (path: string, headers: Record<string, string> = {}) => {
  const event = apiEvent({ routeKey: '$default', headers })
  event.rawPath = path
  event.requestContext.http.path = path
  return (await handler(event, {} as Context)) as Result
}

describe('an address that matches no route', () => {
  it('is answered by the pages Lambda', () => {
    expect(defaultRouteResource).toBe('pages')
  })

  it('shows a person an Indonesian HTML 404 with a link home and the security headers', async () => {
    for (const path of ['/halaman-salah', '/staff/tidak-ada', '/apix', '/v']) {
      const result = await unknown(path)
      expect(result.statusCode).toBe(404)
      expect(result.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(result.body).toContain('<html lang="id">')
      expect(result.body).toContain('Halaman tidak ditemukan')
      expect(result.body).toContain('<a href="/">Kembali ke beranda</a>')
      expect(result.headers['content-security-policy']).toContain("script-src 'self'")
      expect(result.headers['x-content-type-options']).toBe('nosniff')
      expect(result.headers['x-correlation-id']).toMatch(/^[0-9A-Z]{26}$/)
    }
  })

  it('keeps the JSON 404 of the contract under /api and /__aws, with or without a token', async () => {
    for (const path of ['/api', '/api/tidak-ada', '/api/cases/x/y/z', '/__aws/nothing']) {
      for (const headers of [{}, { authorization: 'Bearer not-even-a-jwt' }] as Record<string, string>[]) {
        const result = await unknown(path, headers)
        expect(result.statusCode).toBe(404)
        expect(result.headers['content-type']).toContain('application/json')
        expect(JSON.parse(result.body)).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } })
        expect(result.headers['x-content-type-options']).toBe('nosniff')
      }
    }
  })

  it('tells machine paths from page paths by whole segments', () => {
    expect(isMachinePath('/api')).toBe(true)
    expect(isMachinePath('/api/x')).toBe(true)
    expect(isMachinePath('/__aws/')).toBe(true)
    expect(isMachinePath('/apikey')).toBe(false)
    expect(isMachinePath('/staff/api')).toBe(false)
    expect(isMachinePath('/')).toBe(false)
  })
})
