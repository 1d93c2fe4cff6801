/**
 * Answers cross slow links compressed (ADR 0059): API Gateway HTTP APIs never compress,
 * and CloudFront compresses only what a caching policy lets it cache, so every page and
 * JSON answer would go over a 3G link as it was rendered. The runtime compresses here,
 * once, for every route: text bodies of at least `MIN_BYTES` (CloudFront's own floor),
 * Brotli or gzip as the request allows, sent base64-encoded as API Gateway expects of a
 * binary body. Brotli's quality falls with size (a 2.7 MB CSV export at quality 5 is a
 * quarter second of CPU for 10 % over quality 1), and the work runs on libuv's pool, so
 * a large export does not stall the event loop (locally: every other request). Binary answers (XLSX, PDF, ZIP, already base64)
 * and answers already encoded pass untouched.
 *
 * BREACH: a compressed answer's size tells how well attacker-chosen text (a reflected
 * query value) matches a secret beside it (the form's CSRF token). The attacker needs
 * the victim's browser to send the request with its cookie from another site, many
 * times over. So a per-person answer is compressed only when the browser says the
 * request came from our own pages or the address bar (`Sec-Fetch-Site: same-origin` or
 * `none`), or when it carries no cookie at all (an older browser that does not send
 * `Sec-Fetch-Site`: without a cookie there is no secret of the victim's in the answer;
 * a Bearer client is not a browser an attacker can drive). A public action's public answer
 * (`cache-control: public`, the same bytes for everyone: the assets) holds no secret and is
 * always compressed; a staff action's `public` is not believed. A public action's answer
 * with a validator (the assets, whatever their `?v=`) is compressed once per body, coding
 * and instance. A compressed answer's ETag names its coding (RFC 9110 §8.8.3: a strong
 * validator is per representation). Compression that fails sends the answer as it is: a
 * few more bytes, not a 500.
 */
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib'
import { promisify } from 'node:util'
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { logger } from '../../shared/logger'
import type { HttpResult } from './action'
import { type ContentCoding, negotiateEncoding } from './accept-encoding'

/** CloudFront compresses from 1,000 bytes: below that a header and a round of deflate buy nothing. */
export const MIN_BYTES = 1000

/**
 * Brotli quality up to `LARGE_BYTES`: 5 is ADR 0059's measured knee for pages (near quality
 * 11's size at about twice gzip's CPU, not 100×).
 */
export const BROTLI_QUALITY = 5

/**
 * Above this (CSV exports: the audit list, the national export, the verval errors), quality 1:
 * ADR 0059 measured 5 at 6–10× its CPU for 9–10 % fewer bytes, and 1 at gzip's size for a half to a
 * quarter of gzip's CPU. A public answer keeps quality 5 whatever its size: it is compressed once.
 */
export const LARGE_BYTES = 128 * 1024

export const BROTLI_QUALITY_LARGE = 1

/** At most this many bodies kept compressed per coding: the six assets, and room. */
const KEPT_BODIES_PER_CODING = 16

const TEXT_TYPE = /^(text\/|application\/(json|javascript|xml|[a-z.+-]+\+(json|xml))|image\/svg\+xml)/i

const SAME_SITE_NAVIGATION = new Set(['same-origin', 'none'])

const headerOf = (headers: HttpResult['headers'], name: string): string | undefined => {
  for (const [key, value] of Object.entries(headers ?? {}))
    if (key.toLowerCase() === name) return String(value)
  return undefined
}

const withoutHeader = (headers: HttpResult['headers'], name: string): NonNullable<HttpResult['headers']> =>
  Object.fromEntries(Object.entries(headers ?? {}).filter(([key]) => key.toLowerCase() !== name))

const brotliOptions = (quality: number, body: Buffer) => ({
  params: {
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_QUALITY]: quality,
    [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
  },
})

/** Brotli at a quality, in text mode, on the calling thread (the bench weighs the qualities with it). */
export const brotliAt =
  (quality: number) =>
  (body: Buffer): Buffer =>
    brotliCompressSync(body, brotliOptions(quality, body))

/** gzip at zlib's default level 6, on the calling thread. */
export const gzipDefault = (body: Buffer): Buffer => gzipSync(body)

const brotliAsync = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** The Brotli quality for a body of this size; a body compressed once (`kept`) takes the better one. */
export const brotliQualityFor = (bytes: number, kept: boolean): number =>
  kept || bytes <= LARGE_BYTES ? BROTLI_QUALITY : BROTLI_QUALITY_LARGE

/** Off the event loop: a large export's compression must not hold up the requests beside it. */
const encode = (coding: ContentCoding, body: Buffer, kept: boolean): Promise<Buffer> =>
  coding === 'br'
    ? brotliAsync(body, brotliOptions(brotliQualityFor(body.byteLength, kept), body))
    : gzipAsync(body)

/**
 * Compressed bodies (base64) per coding, keyed by the body itself: only the same bytes
 * get the same compressed bytes, whatever the path (`/assets/app%2Ecss`), query or
 * validator said. A Map compares a string key by content, and the assets' bodies are the
 * same string on every request, so a hit costs microseconds where a sha256 of chart.js
 * costs about a millisecond (ADR 0059). The promise is kept, so two
 * first requests compress once; a failed one is forgotten, so the next one tries again.
 */
const keptBodies: Record<ContentCoding, Map<string, Promise<string>>> = { br: new Map(), gzip: new Map() }

const keptBody = (coding: ContentCoding, body: string, compress: () => Promise<Buffer>): Promise<string> => {
  const kept = keptBodies[coding]
  const hit = kept.get(body)
  if (hit !== undefined) {
    // Least recently used first: a run of other bodies pushes out neither asset in use.
    kept.delete(body)
    kept.set(body, hit)
    return hit
  }
  const compressed = compress().then((bytes) => bytes.toString('base64'))
  compressed.catch(() => {
    if (kept.get(body) === compressed) kept.delete(body)
  })
  const oldest = kept.keys().next()
  if (kept.size >= KEPT_BODIES_PER_CODING && !oldest.done) kept.delete(oldest.value)
  kept.set(body, compressed)
  return compressed
}

const isPublic = (result: HttpResult): boolean =>
  /(^|,)\s*public\s*(,|$)/i.test(headerOf(result.headers, 'cache-control') ?? '')

/** No secret of the caller's can be in the answer, or the request did not come from another site. */
const safeFromBreach = (event: APIGatewayProxyEventV2, sharedAnswer: boolean): boolean => {
  if (sharedAnswer) return true
  const site = event.headers['sec-fetch-site']?.toLowerCase()
  if (site !== undefined) return SAME_SITE_NAVIGATION.has(site)
  // Payload 2.0 moves cookies out of the headers; a header is read too, in case a caller kept it.
  return (event.cookies?.length ?? 0) === 0 && !event.headers.cookie
}

/** Whether the answer's bytes could be sent compressed at all (and so vary with `Accept-Encoding`). */
const compressible = (result: HttpResult): boolean =>
  !result.isBase64Encoded &&
  typeof result.body === 'string' &&
  Buffer.byteLength(result.body) >= MIN_BYTES &&
  TEXT_TYPE.test(headerOf(result.headers, 'content-type') ?? '') &&
  headerOf(result.headers, 'content-encoding') === undefined

const withVary = (headers: HttpResult['headers']): HttpResult['headers'] => {
  const vary = headerOf(headers, 'vary')
  return { ...withoutHeader(headers, 'vary'), vary: vary ? `${vary}, accept-encoding` : 'accept-encoding' }
}

/** `"abc"` → `"abc-br"`, `W/"abc"` → `W/"abc-br"`: the compressed bytes are another representation. */
const etagFor = (etag: string, coding: ContentCoding): string => etag.replace(/"$/, `-${coding}"`)

export interface CompressOptions {
  /** The route's action is public: only then is the answer's `cache-control: public` believed. */
  publicAction: boolean
}

/** The answer compressed for this request when it allows and it is safe; the answer as it is otherwise. */
export const compressResult = async (
  event: APIGatewayProxyEventV2,
  result: HttpResult,
  { publicAction }: CompressOptions,
): Promise<HttpResult> => {
  if (!compressible(result)) return result
  const varied = { ...result, headers: withVary(result.headers) }
  const coding = negotiateEncoding(event.headers['accept-encoding'])
  const shared = publicAction && isPublic(result)
  if (!coding || !safeFromBreach(event, shared)) return varied
  const etag = headerOf(result.headers, 'etag')
  const text = result.body ?? ''
  const kept = publicAction && etag !== undefined
  const compress = () => encode(coding, Buffer.from(text, 'utf8'), kept)
  let body: string
  try {
    body = kept ? await keptBody(coding, text, compress) : (await compress()).toString('base64')
  } catch (error) {
    logger.warn('Compression failed; the answer goes uncompressed', { error, coding })
    return varied
  }
  return {
    ...varied,
    headers: {
      ...withoutHeader(varied.headers, 'etag'),
      'content-encoding': coding,
      ...(etag === undefined ? {} : { etag: etagFor(etag, coding) }),
    },
    body,
    isBase64Encoded: true,
  }
}
