/**
 * Content negotiation of `Accept-Encoding` (RFC 9110 §12.5.3) for the encodings the
 * runtime can produce. A coding named with a q-value counts at that weight; one not named
 * takes `*`'s weight, or is not acceptable when there is no `*`. `q=0` means "not
 * acceptable". Brotli wins a tie: it is smaller for the same CPU (ADR 0059).
 */
export type ContentCoding = 'br' | 'gzip'

/** In order of preference when the client weighs them equally. */
const PRODUCED: readonly ContentCoding[] = ['br', 'gzip']

/** `gzip;q=0.5` → ['gzip', 0.5]; a malformed q-value counts as 0 (not acceptable), as a strict server reads it. */
const weighed = (part: string): [string, number] => {
  const [coding = '', ...parameters] = part.split(';').map((piece) => piece.trim())
  const q = parameters.find((parameter) => /^q\s*=/i.test(parameter))
  if (q === undefined) return [coding.toLowerCase(), 1]
  const value = q.replace(/^q\s*=\s*/i, '')
  const weight = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value) ? Number(value) : 0
  return [coding.toLowerCase(), weight]
}

/** The coding to answer with, or undefined for the body as it is (identity is always possible for us). */
export const negotiateEncoding = (header: string | undefined): ContentCoding | undefined => {
  if (!header) return undefined
  const weights = new Map<string, number>()
  for (const part of header.split(',')) {
    if (part.trim() === '') continue
    const [coding, weight] = weighed(part)
    // `x-gzip` is gzip's old alias (RFC 9110 §8.4.1.3).
    const name = coding === 'x-gzip' ? 'gzip' : coding
    weights.set(name, Math.max(weights.get(name) ?? 0, weight))
  }
  const any = weights.get('*') ?? 0
  let best: ContentCoding | undefined
  let bestWeight = 0
  for (const coding of PRODUCED) {
    const weight = weights.get(coding) ?? any
    if (weight > bestWeight) {
      best = coding
      bestWeight = weight
    }
  }
  return best
}
