import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { describe, expect, it } from 'vitest'
import type { HttpResult } from '../../../../functions/http/runtime/action'
import {
  BROTLI_QUALITY,
  BROTLI_QUALITY_LARGE,
  brotliAt,
  compressResult,
  LARGE_BYTES,
  MIN_BYTES,
} from '../../../../functions/http/runtime/compress-response'
import { apiEvent } from '../../../support/events'

const PAGE = `<!doctype html><p>${'Daftar tugas TKSK Leuwiliang. '.repeat(80)}</p>`
const page = (headers: Record<string, string> = {}): HttpResult => ({
  statusCode: 200,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: PAGE,
})
const request = (
  headers: Record<string, string>,
  cookies?: string[],
  rawPath = '/staff/tasks',
): APIGatewayProxyEventV2 =>
  apiEvent({ routeKey: `GET ${rawPath}`, rawPath, headers, ...(cookies ? { cookies } : {}) })
/** A staff action's answer unless said otherwise: its `cache-control: public` is not believed. */
const compress = (event: APIGatewayProxyEventV2, result: HttpResult, publicAction = false) =>
  compressResult(event, result, { publicAction })
const FROM_OUR_PAGES = { 'accept-encoding': 'gzip, deflate, br', 'sec-fetch-site': 'same-origin' }
const bytesOf = (result: HttpResult): Buffer => Buffer.from(result.body ?? '', 'base64')
const decoded = (result: HttpResult): string => {
  const encoding = result.headers?.['content-encoding']
  return (encoding === 'br' ? brotliDecompressSync(bytesOf(result)) : gunzipSync(bytesOf(result))).toString(
    'utf8',
  )
}
const IMMUTABLE = 'public, max-age=31536000, immutable'

describe('compressed answers', () => {
  it('compresses a page from our own pages with Brotli, base64-encoded, varying on Accept-Encoding', async () => {
    const result = await compress(request(FROM_OUR_PAGES, ['session=abc']), page())
    expect(result.headers).toMatchObject({ 'content-encoding': 'br', vary: 'accept-encoding' })
    expect(result.isBase64Encoded).toBe(true)
    expect(decoded(result)).toBe(PAGE)
    expect(bytesOf(result).byteLength).toBeLessThan(Buffer.byteLength(PAGE) / 4)
    expect(bytesOf(result).equals(brotliAt(BROTLI_QUALITY)(Buffer.from(PAGE)))).toBe(true)
  })

  it('uses gzip for a client that takes only gzip, and keeps a Vary the action set', async () => {
    const result = await compress(
      request({ 'accept-encoding': 'gzip', 'sec-fetch-site': 'none' }),
      page({ vary: 'cookie' }),
    )
    expect(result.headers).toMatchObject({ 'content-encoding': 'gzip', vary: 'cookie, accept-encoding' })
    expect(decoded(result)).toBe(PAGE)
  })

  it('leaves alone what must not or need not change: small, binary, encoded, or not text', async () => {
    const event = request(FROM_OUR_PAGES)
    const small = { ...page(), body: 'x'.repeat(MIN_BYTES - 1) }
    const binary = { ...page({ 'content-type': 'application/pdf' }), body: 'JVBERi0=', isBase64Encoded: true }
    const xlsx = page({ 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
    const encoded = page({ 'content-encoding': 'gzip' })
    for (const result of [small, binary, xlsx, encoded]) expect(await compress(event, result)).toBe(result)
    expect((await compress(event, { ...page(), body: 'x'.repeat(MIN_BYTES) })).isBase64Encoded).toBe(true)
  })

  it('compresses JSON, CSS and JavaScript too', async () => {
    const event = request(FROM_OUR_PAGES)
    for (const type of ['application/json; charset=utf-8', 'text/css', 'text/javascript; charset=utf-8'])
      expect((await compress(event, page({ 'content-type': type }))).headers?.['content-encoding']).toBe('br')
  })

  it('answers as it is when the client takes no coding we make, still varying on Accept-Encoding', async () => {
    const result = await compress(
      request({ 'accept-encoding': 'identity', 'sec-fetch-site': 'none' }),
      page(),
    )
    expect(result).toMatchObject({ body: PAGE, headers: { vary: 'accept-encoding' } })
    expect(result.headers?.['content-encoding']).toBeUndefined()
  })

  it('compresses a large export at the fast Brotli quality, not the pages’ one', async () => {
    const row = (index: number) =>
      `2026-12-07T10:${String(index % 60).padStart(2, '0')},tksk.${index % 37},task.done,${index}\n`
    const csv = Array.from({ length: 12_000 }, (_, index) => row(index)).join('')
    expect(Buffer.byteLength(csv)).toBeGreaterThan(LARGE_BYTES)
    const result = await compress(request(FROM_OUR_PAGES), {
      ...page({ 'content-type': 'text/csv' }),
      body: csv,
    })
    expect(result.headers?.['content-encoding']).toBe('br')
    expect(decoded(result)).toBe(csv)
    expect(bytesOf(result).equals(brotliAt(BROTLI_QUALITY_LARGE)(Buffer.from(csv)))).toBe(true)
  })

  it('names the coding in a compressed answer’s ETag (a strong validator is per representation)', async () => {
    const tagged = page({ etag: '"abc123"' })
    const br = await compress(request(FROM_OUR_PAGES), tagged)
    const gzip = await compress(request({ 'accept-encoding': 'gzip', 'sec-fetch-site': 'none' }), tagged)
    const plain = await compress(request({ 'sec-fetch-site': 'none' }), tagged)
    expect([br.headers?.etag, gzip.headers?.etag, plain.headers?.etag]).toEqual([
      '"abc123-br"',
      '"abc123-gzip"',
      '"abc123"',
    ])
    const weak = await compress(request(FROM_OUR_PAGES), page({ ETag: 'W/"abc123"' }))
    expect(weak.headers).toMatchObject({ etag: 'W/"abc123-br"' })
    expect(weak.headers?.ETag).toBeUndefined()
  })

  it('keeps a public action’s validated answer compressed per body and coding, not per path or ETag', async () => {
    const css = `${PAGE}/* kept ${Math.random()} */`
    const asset = (body: string, cacheControl = IMMUTABLE): HttpResult => ({
      ...page({ 'content-type': 'text/css', 'cache-control': cacheControl, etag: '"kept1"' }),
      body,
    })
    const at = (rawPath: string, headers: Record<string, string> = FROM_OUR_PAGES) =>
      request(headers, undefined, rawPath)
    const first = await compress(at('/assets/kept.css'), asset(css), true)
    expect(decoded(first)).toBe(css)
    // The same path and validator with other bytes (a version-style ETag, another query): compressed anew.
    const changed = await compress(at('/assets/kept.css'), asset(`${css} `), true)
    expect(decoded(changed)).toBe(`${css} `)
    // The same bytes under another spelling of the path, or another `?v=` (`no-store`): the same answer.
    const spelled = await compress(at('/assets/kept%2Ecss'), asset(css), true)
    expect(spelled.body).toBe(first.body)
    const stale = await compress(at('/assets/kept.css'), asset(css, 'no-store'), true)
    expect(stale.body).toBe(first.body)
    const gzip = await compress(at('/assets/kept.css', { 'accept-encoding': 'gzip' }), asset(css), true)
    expect(decoded(gzip)).toBe(css)
    // A staff answer is compressed for itself: it is not public, whatever it says.
    const staff = await compress(at('/assets/kept.css'), asset(`${css}  `))
    expect(decoded(staff)).toBe(`${css}  `)
  })

  describe('against BREACH (a secret beside reflected input, measured by size from another site)', () => {
    it('does not compress a request another site made the browser send', async () => {
      for (const site of ['cross-site', 'same-site']) {
        const event = request({ 'accept-encoding': 'br, gzip', 'sec-fetch-site': site }, ['session=abc'])
        const result = await compress(event, page())
        expect(result.body).toBe(PAGE)
        expect(result.isBase64Encoded).toBeUndefined()
        expect(result.headers?.['content-encoding']).toBeUndefined()
      }
      const noCookie = request({ 'accept-encoding': 'br', 'sec-fetch-site': 'cross-site' })
      expect((await compress(noCookie, page())).body).toBe(PAGE)
    })

    it('without Sec-Fetch-Site (an older browser) compresses only a request without cookies', async () => {
      const withCookie = request({ 'accept-encoding': 'gzip' }, ['session=abc'])
      expect((await compress(withCookie, page())).body).toBe(PAGE)
      const cookieHeader = request({ 'accept-encoding': 'gzip', cookie: 'session=abc' })
      expect((await compress(cookieHeader, page())).body).toBe(PAGE)
      const bearer = request({ 'accept-encoding': 'gzip', authorization: 'Bearer t' })
      expect((await compress(bearer, page())).headers?.['content-encoding']).toBe('gzip')
    })

    it('compresses a public action’s public answer (the same bytes for everyone: no secret) from anywhere', async () => {
      const asset = page({ 'content-type': 'text/css', 'cache-control': IMMUTABLE })
      const event = request({ 'accept-encoding': 'br', 'sec-fetch-site': 'cross-site' }, ['session=abc'])
      expect((await compress(event, asset, true)).headers?.['content-encoding']).toBe('br')
    })

    it('does not believe `cache-control: public` from a staff action', async () => {
      const claimed = page({ 'cache-control': 'public, max-age=60' })
      const event = request({ 'accept-encoding': 'br', 'sec-fetch-site': 'cross-site' }, ['session=abc'])
      const result = await compress(event, claimed)
      expect(result.body).toBe(PAGE)
      expect(result.headers?.['content-encoding']).toBeUndefined()
    })
  })
})
