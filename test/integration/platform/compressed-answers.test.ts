/**
 * Compressed answers through the local gateway, as API Gateway passes them (ADR 0059):
 * the function's base64 body sent as its bytes with `content-encoding`, the length of
 * those bytes, the same text once decoded; cross-site requests with a cookie and binary
 * downloads as they were. Raw HTTP: `fetch` would decode the body and hide its size.
 */
import { request } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assetUrl } from '../../../functions/web/assets/assets'
import { login, startTestPlatform, type TestPlatform } from '../../support/platform'

let platform: TestPlatform
let session = ''

beforeAll(async () => {
  platform = await startTestPlatform()
  session = await login(platform.url, 'tksk.leuwiliang')
})
afterAll(async () => {
  await platform?.dispose()
})

interface Raw {
  status: number
  headers: Record<string, string | string[] | undefined>
  bytes: Buffer
}

const raw = (path: string, headers: Record<string, string>, method = 'GET'): Promise<Raw> =>
  new Promise((resolve, reject) => {
    const call = request(`${platform.url}${path}`, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          bytes: Buffer.concat(chunks),
        }),
      )
      response.on('error', reject)
    })
    call.on('error', reject)
    call.end()
  })

const decoded = (answer: Raw): string => {
  const encoding = answer.headers['content-encoding']
  if (encoding === 'br') return brotliDecompressSync(answer.bytes).toString('utf8')
  if (encoding === 'gzip') return gunzipSync(answer.bytes).toString('utf8')
  return answer.bytes.toString('utf8')
}

const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' }
const cookie = () => ({ cookie: `session=${session}` })

const expectSentAsItIs = (answer: Raw) => {
  expect(answer.headers['content-encoding']).toBeUndefined()
  expect(Number(answer.headers['content-length'])).toBe(answer.bytes.byteLength)
  expect(answer.headers['transfer-encoding']).toBeUndefined()
}

describe('answers compressed by the function, through the local gateway', () => {
  it('a page: as it is without Accept-Encoding, Brotli from the address bar, gzip for a gzip-only client; the same text', async () => {
    const plain = await raw('/status', {})
    expect(plain.status).toBe(200)
    expectSentAsItIs(plain)
    expect(plain.headers.vary).toBe('accept-encoding')
    const br = await raw('/status', { ...BROWSER, 'sec-fetch-site': 'none' })
    expect(br.headers).toMatchObject({ 'content-encoding': 'br', vary: 'accept-encoding' })
    expect(Number(br.headers['content-length'])).toBe(br.bytes.byteLength)
    expect(br.bytes.byteLength).toBeLessThan(plain.bytes.byteLength / 2)
    expect(br.headers['x-content-type-options']).toBe('nosniff')
    expect(decoded(br)).toBe(plain.bytes.toString('utf8'))
    const gzip = await raw('/status', { 'accept-encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(decoded(gzip)).toBe(plain.bytes.toString('utf8'))
  })

  it('a JSON answer the same way, and a staff page from our own pages with its cookie', async () => {
    const plain = await raw('/api/reference/categories', {})
    expectSentAsItIs(plain)
    const br = await raw('/api/reference/categories', BROWSER)
    expect(br.headers['content-encoding']).toBe('br')
    expect(JSON.parse(decoded(br))).toEqual(JSON.parse(plain.bytes.toString('utf8')))
    const page = await raw('/staff/tasks', cookie())
    const fromOurPages = await raw('/staff/tasks', {
      ...BROWSER,
      ...cookie(),
      'sec-fetch-site': 'same-origin',
    })
    expect(page.status).toBe(200)
    expect(fromOurPages.headers['content-encoding']).toBe('br')
    expect(decoded(fromOurPages)).toBe(page.bytes.toString('utf8'))
  })

  it('never compresses a page holding the session’s CSRF token for a request another site sent', async () => {
    const page = await raw('/staff/tasks', cookie())
    expect(page.bytes.toString('utf8')).toMatch(/name="_csrf"/)
    for (const site of ['cross-site', 'same-site']) {
      const forged = await raw('/staff/tasks', { ...BROWSER, ...cookie(), 'sec-fetch-site': site })
      expect(forged.status).toBe(200)
      expectSentAsItIs(forged)
      expect(forged.bytes.equals(page.bytes)).toBe(true)
    }
    // A browser too old to say where the request came from: with a cookie, not compressed.
    expectSentAsItIs(await raw('/staff/tasks', { ...BROWSER, ...cookie() }))
  })

  it('sends a binary download untouched, whatever the client accepts', async () => {
    const xlsx = await raw('/staff/verval/template.xlsx', {
      ...BROWSER,
      'sec-fetch-site': 'same-origin',
      authorization: `Bearer ${session}`,
    })
    expect(xlsx.status).toBe(200)
    expectSentAsItIs(xlsx)
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK')
  })

  it('answers HEAD with the headers a GET gets, the length of the bytes it would send, and no body', async () => {
    const headers = { ...BROWSER, 'sec-fetch-site': 'same-origin' }
    // API Gateway routes HEAD on a GET-only path to `$default`: the pages' 404, compressed like its GET.
    const get = await raw('/halaman-yang-tidak-ada', headers)
    const head = await raw('/halaman-yang-tidak-ada', headers, 'HEAD')
    expect(head.status).toBe(get.status)
    expect(head.bytes.byteLength).toBe(0)
    expect(head.headers['content-encoding']).toBe(get.headers['content-encoding'])
    expect(head.headers['content-length']).toBe(String(get.bytes.byteLength))
  })
  it('answers HEAD on an asset like its GET (the edge lets viewers send it), and keeps another version out of caches', async () => {
    const headers = { ...BROWSER, 'sec-fetch-site': 'same-origin' }
    const url = assetUrl('app.css')
    const get = await raw(url, headers)
    const head = await raw(url, headers, 'HEAD')
    expect(get.status).toBe(200)
    expect(get.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(head.status).toBe(200)
    expect(head.bytes.byteLength).toBe(0)
    for (const name of ['content-type', 'content-encoding', 'cache-control', 'etag', 'vary'])
      expect(head.headers[name]).toBe(get.headers[name])
    expect(head.headers['content-length']).toBe(String(get.bytes.byteLength))
    const stale = await raw(url.replace(/v=[^&]+/, 'v=0123456789ab'), headers)
    expect(stale.status).toBe(200)
    expect(stale.headers['cache-control']).toBe('no-store')
    expect(decoded(stale)).toBe(decoded(get))
  })
})
