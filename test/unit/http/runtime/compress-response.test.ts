import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { describe, expect, it } from 'vitest'
import type { HttpResult } from '../../../../functions/http/runtime/action'
import { compressResult, MIN_BYTES } from '../../../../functions/http/runtime/compress-response'
import { apiEvent } from '../../../support/events'

const PAGE = `<!doctype html><p>${'Daftar tugas TKSK Leuwiliang. '.repeat(80)}</p>`
const page = (headers: Record<string, string> = {}): HttpResult => ({
  statusCode: 200,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: PAGE,
})
const request = (headers: Record<string, string>, cookies?: string[]): APIGatewayProxyEventV2 =>
  apiEvent({ routeKey: 'GET /staff/tasks', headers, ...(cookies ? { cookies } : {}) })
const FROM_OUR_PAGES = { 'accept-encoding': 'gzip, deflate, br', 'sec-fetch-site': 'same-origin' }
const decoded = (result: HttpResult): string => {
  const bytes = Buffer.from(result.body ?? '', 'base64')
  const encoding = result.headers?.['content-encoding']
  return (encoding === 'br' ? brotliDecompressSync(bytes) : gunzipSync(bytes)).toString('utf8')
}

describe('compressed answers', () => {
  it('compresses a page from our own pages with Brotli, base64-encoded, varying on Accept-Encoding', () => {
    const result = compressResult(request(FROM_OUR_PAGES, ['session=abc']), page())
    expect(result.headers).toMatchObject({ 'content-encoding': 'br', vary: 'accept-encoding' })
    expect(result.isBase64Encoded).toBe(true)
    expect(decoded(result)).toBe(PAGE)
    expect(Buffer.from(result.body ?? '', 'base64').byteLength).toBeLessThan(Buffer.byteLength(PAGE) / 4)
  })

  it('uses gzip for a client that takes only gzip, and keeps a Vary the action set', () => {
    const result = compressResult(
      request({ 'accept-encoding': 'gzip', 'sec-fetch-site': 'none' }),
      page({ vary: 'cookie' }),
    )
    expect(result.headers).toMatchObject({ 'content-encoding': 'gzip', vary: 'cookie, accept-encoding' })
    expect(decoded(result)).toBe(PAGE)
  })

  it('leaves alone what must not or need not change: small, binary, encoded, or not text', () => {
    const event = request(FROM_OUR_PAGES)
    const small = { ...page(), body: 'x'.repeat(MIN_BYTES - 1) }
    const binary = { ...page({ 'content-type': 'application/pdf' }), body: 'JVBERi0=', isBase64Encoded: true }
    const xlsx = page({ 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
    const encoded = page({ 'content-encoding': 'gzip' })
    for (const result of [small, binary, xlsx, encoded]) expect(compressResult(event, result)).toBe(result)
    expect(compressResult(event, { ...page(), body: 'x'.repeat(MIN_BYTES) }).isBase64Encoded).toBe(true)
  })

  it('compresses JSON, CSS and JavaScript too', () => {
    const event = request(FROM_OUR_PAGES)
    for (const type of ['application/json; charset=utf-8', 'text/css', 'text/javascript; charset=utf-8'])
      expect(compressResult(event, page({ 'content-type': type })).headers?.['content-encoding']).toBe('br')
  })

  it('answers as it is when the client takes no coding we make, still varying on Accept-Encoding', () => {
    const result = compressResult(
      request({ 'accept-encoding': 'identity', 'sec-fetch-site': 'none' }),
      page(),
    )
    expect(result).toMatchObject({ body: PAGE, headers: { vary: 'accept-encoding' } })
    expect(result.headers?.['content-encoding']).toBeUndefined()
  })

  describe('against BREACH (a secret beside reflected input, measured by size from another site)', () => {
    it('does not compress a request another site made the browser send', () => {
      for (const site of ['cross-site', 'same-site']) {
        const event = request({ 'accept-encoding': 'br, gzip', 'sec-fetch-site': site }, ['session=abc'])
        const result = compressResult(event, page())
        expect(result.body).toBe(PAGE)
        expect(result.isBase64Encoded).toBeUndefined()
        expect(result.headers?.['content-encoding']).toBeUndefined()
      }
      const noCookie = request({ 'accept-encoding': 'br', 'sec-fetch-site': 'cross-site' })
      expect(compressResult(noCookie, page()).body).toBe(PAGE)
    })

    it('without Sec-Fetch-Site (an older browser) compresses only a request without cookies', () => {
      const withCookie = request({ 'accept-encoding': 'gzip' }, ['session=abc'])
      expect(compressResult(withCookie, page()).body).toBe(PAGE)
      const cookieHeader = request({ 'accept-encoding': 'gzip', cookie: 'session=abc' })
      expect(compressResult(cookieHeader, page()).body).toBe(PAGE)
      const bearer = request({ 'accept-encoding': 'gzip', authorization: 'Bearer t' })
      expect(compressResult(bearer, page()).headers?.['content-encoding']).toBe('gzip')
    })

    it('compresses a public answer (the same bytes for everyone: no secret) from anywhere', () => {
      const asset = page({
        'content-type': 'text/css',
        'cache-control': 'public, max-age=31536000, immutable',
      })
      const event = request({ 'accept-encoding': 'br', 'sec-fetch-site': 'cross-site' }, ['session=abc'])
      expect(compressResult(event, asset).headers?.['content-encoding']).toBe('br')
    })
  })
})
