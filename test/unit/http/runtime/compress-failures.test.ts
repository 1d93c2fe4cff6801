import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import type { HttpResult } from '../../../../functions/http/runtime/action'
import { apiEvent } from '../../../support/events'

/** zlib as it is, but counting the compressions and failing the next one when told. */
const zlib = vi.hoisted(() => ({ compressions: 0, failNext: 0 }))
vi.mock('node:zlib', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:zlib')>()
  // gzip is called without options: the callback is the last argument either way.
  const counted =
    (compress: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      zlib.compressions += 1
      const callback = args.at(-1) as (error: Error | null, result?: Buffer) => void
      if (zlib.failNext === 0) return compress(...args)
      zlib.failNext -= 1
      setImmediate(() => callback(new Error('zlib: insufficient memory')))
    }
  return {
    ...real,
    brotliCompress: counted(real.brotliCompress as (...args: unknown[]) => void),
    gzip: counted(real.gzip as (...args: unknown[]) => void),
  }
})
// Another file of this worker may have loaded the module with the real zlib (`isolate: false`).
vi.resetModules()
const { compressResult } = await import('../../../../functions/http/runtime/compress-response')
const { logger } = await import('../../../../functions/shared/logger')
afterAll(() => {
  vi.doUnmock('node:zlib')
  vi.resetModules()
})

/** Bodies of their own: the kept bodies live as long as the module, across files of this worker. */
const bodyOf = (name: string) => `/* ${name} ${Math.random()} */ ${'.kartu { margin: 0 } '.repeat(80)}`
const asset = (body: string): HttpResult => ({
  statusCode: 200,
  headers: {
    'content-type': 'text/css',
    'cache-control': 'public, max-age=31536000, immutable',
    etag: '"a1"',
  },
  body,
})
const event = (headers: Record<string, string> = { 'accept-encoding': 'br' }): APIGatewayProxyEventV2 =>
  apiEvent({ routeKey: 'GET /assets/{name}', rawPath: '/assets/app.css', headers })
const asPublic = { publicAction: true }

describe('compression that fails or races', () => {
  afterEach(() => {
    zlib.compressions = 0
    zlib.failNext = 0
    vi.restoreAllMocks()
  })

  it('compresses a kept body once for two first requests at the same time', async () => {
    const body = bodyOf('race')
    const [first, second] = await Promise.all([
      compressResult(event(), asset(body), asPublic),
      compressResult(event(), asset(body), asPublic),
    ])
    expect(zlib.compressions).toBe(1)
    expect(first.headers?.['content-encoding']).toBe('br')
    expect(second.body).toBe(first.body)
    // Another spelling of the path is the same body: no new compression to force.
    const spelled = apiEvent({
      routeKey: 'GET /assets/{name}',
      rawPath: '/assets/app%2Ecss',
      headers: { 'accept-encoding': 'br' },
    })
    expect((await compressResult(spelled, asset(body), asPublic)).body).toBe(first.body)
    expect(zlib.compressions).toBe(1)
  })

  it('sends the answer uncompressed when the encoder fails, and logs it', async () => {
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined)
    zlib.failNext = 1
    const page: HttpResult = {
      statusCode: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
      body: bodyOf('page'),
    }
    const result = await compressResult(
      event({ 'accept-encoding': 'gzip', 'sec-fetch-site': 'same-origin' }),
      page,
      { publicAction: false },
    )
    expect(result).toMatchObject({ statusCode: 200, body: page.body, headers: { vary: 'accept-encoding' } })
    expect(result.headers?.['content-encoding']).toBeUndefined()
    expect(result.isBase64Encoded).toBeUndefined()
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Compression failed'), expect.anything())
  })

  it('forgets a kept body whose compression failed: the next request compresses it', async () => {
    vi.spyOn(logger, 'warn').mockImplementation(() => undefined)
    const body = bodyOf('retry')
    zlib.failNext = 1
    const failed = await compressResult(event(), asset(body), asPublic)
    expect(failed.body).toBe(body)
    expect(failed.headers?.etag).toBe('"a1"')
    const retried = await compressResult(event(), asset(body), asPublic)
    expect(retried.headers).toMatchObject({ 'content-encoding': 'br', etag: '"a1-br"' })
    expect(zlib.compressions).toBe(2)
  })
})
