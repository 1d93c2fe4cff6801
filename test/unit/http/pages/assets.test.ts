/**
 * `GET /assets/{name}` through the pages handler (ADR 0059): only the version the pages
 * render is cacheable for a year; another `v` (a page from the other side of a deployment,
 * a made-up value) gets the current bytes that no cache keeps. HEAD is answered like GET.
 */
import { brotliDecompressSync } from 'node:zlib'
import type { Context } from 'aws-lambda'
import { describe, expect, it } from 'vitest'
import { handler } from '../../../../functions/http/pages/handler'
import { ASSETS, assetUrl } from '../../../../functions/web/assets/assets'
import { apiEvent } from '../../../support/events'

type Result = { statusCode: number; body: string; headers: Record<string, string>; isBase64Encoded?: boolean }

const CSS = ASSETS['app.css']
if (!CSS) throw new Error('app.css is an asset')

const fetchAsset = async (
  version: string | undefined,
  headers: Record<string, string> = {},
  method: 'GET' | 'HEAD' = 'GET',
) => {
  const event = apiEvent({
    routeKey: `${method} /assets/{name}`,
    rawPath: '/assets/app.css',
    pathParameters: { name: 'app.css' },
    headers,
    ...(version === undefined
      ? {}
      : { queryStringParameters: { v: version }, rawQueryString: `v=${version}` }),
  })
  event.requestContext.http.path = '/assets/app.css'
  return (await handler(event, {} as Context)) as Result
}

describe('an asset', () => {
  it('is immutable for a year at the version the pages render', async () => {
    expect(assetUrl('app.css')).toBe(`/assets/app.css?v=${CSS.hash}`)
    const result = await fetchAsset(CSS.hash)
    expect(result.statusCode).toBe(200)
    expect(result.body).toBe(CSS.body)
    expect(result.headers).toMatchObject({
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'public, max-age=31536000, immutable',
      etag: `"${CSS.hash}"`,
    })
  })

  it('is sent as it is now, never stored, for another version or none', async () => {
    for (const version of [undefined, '', '0123456789ab', `${CSS.hash}x`]) {
      const result = await fetchAsset(version)
      expect(result.statusCode).toBe(200)
      expect(result.body).toBe(CSS.body)
      expect(result.headers['cache-control']).toBe('no-store')
    }
  })

  it('answers HEAD with the headers of its GET', async () => {
    const head = await fetchAsset(CSS.hash, {}, 'HEAD')
    const get = await fetchAsset(CSS.hash)
    expect(head.statusCode).toBe(200)
    for (const name of ['content-type', 'cache-control', 'etag'])
      expect(head.headers[name]).toBe(get.headers[name])
  })

  it('is compressed from anywhere at its version, with an ETag of its coding', async () => {
    const crossSite = { 'accept-encoding': 'br', 'sec-fetch-site': 'cross-site', cookie: 'session=abc' }
    const result = await fetchAsset(CSS.hash, crossSite)
    expect(result.headers).toMatchObject({ 'content-encoding': 'br', etag: `"${CSS.hash}-br"` })
    expect(brotliDecompressSync(Buffer.from(result.body, 'base64')).toString('utf8')).toBe(CSS.body)
  })
})
