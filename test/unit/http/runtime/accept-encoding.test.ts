import { describe, expect, it } from 'vitest'
import { negotiateEncoding } from '../../../../functions/http/runtime/accept-encoding'

describe('Accept-Encoding negotiation', () => {
  it('answers as it is when the request names no coding we make', () => {
    expect(negotiateEncoding(undefined)).toBeUndefined()
    expect(negotiateEncoding('')).toBeUndefined()
    expect(negotiateEncoding('identity')).toBeUndefined()
    expect(negotiateEncoding('deflate, zstd')).toBeUndefined()
  })

  it('prefers Brotli when the browser takes both, as every current browser does', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip')
    expect(negotiateEncoding('br')).toBe('br')
    expect(negotiateEncoding('x-gzip')).toBe('gzip')
    expect(negotiateEncoding('GZIP')).toBe('gzip')
  })

  it('follows the q-values: a higher weight wins, q=0 refuses', () => {
    expect(negotiateEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip')
    expect(negotiateEncoding('br;q=0.9, gzip')).toBe('gzip')
    expect(negotiateEncoding('br;q=0, gzip;q=0.1')).toBe('gzip')
    expect(negotiateEncoding('br;q=0, gzip;q=0')).toBeUndefined()
    expect(negotiateEncoding('gzip ; q = 0.4 , br;q=0.3')).toBe('gzip')
  })

  it('gives `*` to the codings not named, and a named q=0 beats `*`', () => {
    expect(negotiateEncoding('*')).toBe('br')
    expect(negotiateEncoding('br;q=0, *')).toBe('gzip')
    expect(negotiateEncoding('*;q=0')).toBeUndefined()
    expect(negotiateEncoding('gzip, *;q=0')).toBe('gzip')
    expect(negotiateEncoding('*;q=0.2, gzip;q=0.5')).toBe('gzip')
  })

  it('still answers (uncompressed when nothing else is taken) under identity;q=0', () => {
    expect(negotiateEncoding('identity;q=0, gzip')).toBe('gzip')
    expect(negotiateEncoding('identity;q=0')).toBeUndefined()
  })

  it('reads a malformed q-value as not acceptable rather than guessing', () => {
    expect(negotiateEncoding('br;q=high, gzip')).toBe('gzip')
    expect(negotiateEncoding('br;q=1.5')).toBeUndefined()
  })
})
