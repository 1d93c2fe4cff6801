/**
 * Answers cross slow links compressed (ADR 0059): API Gateway HTTP APIs never compress,
 * and CloudFront compresses only what a caching policy lets it cache, so every page and
 * JSON answer would go over a 3G link as it was rendered. The runtime compresses here,
 * once, for every route: text bodies of at least `MIN_BYTES` (CloudFront's own floor),
 * Brotli at a moderate quality or gzip as the request allows, sent base64-encoded as
 * API Gateway expects of a binary body. Binary answers (XLSX, PDF, ZIP, already base64)
 * and answers already encoded pass untouched.
 *
 * BREACH: a compressed answer's size tells how well attacker-chosen text (a reflected
 * query value) matches a secret beside it (the form's CSRF token). The attacker needs
 * the victim's browser to send the request with its cookie from another site, many
 * times over. So a per-person answer is compressed only when the browser says the
 * request came from our own pages or the address bar (`Sec-Fetch-Site: same-origin` or
 * `none`), or when it carries no cookie at all (an older browser that does not send
 * `Sec-Fetch-Site`: without a cookie there is no secret of the victim's in the answer;
 * a Bearer client is not a browser an attacker can drive). A public answer (`cache-control:
 * public`, the same bytes for everyone: the assets) holds no secret and is always compressed.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import type { HttpResult } from './action'
import { type ContentCoding, negotiateEncoding } from './accept-encoding'

/** CloudFront compresses from 1,000 bytes: below that a header and a round of deflate buy nothing. */
export const MIN_BYTES = 1000

/** Brotli quality: 5 is ADR 0059's measured knee (near quality 11's size at a few times gzip's speed, not 100×). */
export const BROTLI_QUALITY = 5

const TEXT_TYPE = /^(text\/|application\/(json|javascript|xml|[a-z.+-]+\+(json|xml))|image\/svg\+xml)/i

const SAME_SITE_NAVIGATION = new Set(['same-origin', 'none'])

const headerOf = (headers: HttpResult['headers'], name: string): string | undefined => {
  for (const [key, value] of Object.entries(headers ?? {}))
    if (key.toLowerCase() === name) return String(value)
  return undefined
}

/** Brotli at a quality, in text mode (the bench weighs the qualities around the runtime's). */
export const brotliAt =
  (quality: number) =>
  (body: Buffer): Buffer =>
    brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: quality,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      },
    })

/** gzip at zlib's default level 6. */
export const gzipDefault = (body: Buffer): Buffer => gzipSync(body)

const encoders: Record<ContentCoding, (body: Buffer) => Buffer> = {
  br: brotliAt(BROTLI_QUALITY),
  gzip: gzipDefault,
}

/** No secret of the caller's can be in the answer, or the request did not come from another site. */
const safeFromBreach = (event: APIGatewayProxyEventV2, result: HttpResult): boolean => {
  if (/(^|,)\s*public\s*(,|$)/i.test(headerOf(result.headers, 'cache-control') ?? '')) return true
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
  const rest = Object.fromEntries(
    Object.entries(headers ?? {}).filter(([key]) => key.toLowerCase() !== 'vary'),
  )
  return { ...rest, vary: vary ? `${vary}, accept-encoding` : 'accept-encoding' }
}

/** The answer compressed for this request when it allows and it is safe; the answer as it is otherwise. */
export const compressResult = (event: APIGatewayProxyEventV2, result: HttpResult): HttpResult => {
  if (!compressible(result)) return result
  const varied = { ...result, headers: withVary(result.headers) }
  const coding = negotiateEncoding(event.headers['accept-encoding'])
  if (!coding || !safeFromBreach(event, result)) return varied
  return {
    ...varied,
    headers: { ...varied.headers, 'content-encoding': coding },
    body: encoders[coding](Buffer.from(result.body ?? '', 'utf8')).toString('base64'),
    isBase64Encoded: true,
  }
}
