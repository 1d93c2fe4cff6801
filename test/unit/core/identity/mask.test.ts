import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { maskDigitsIn, maskNik } from '../../../../functions/core/identity/mask'
import { validNik } from './arbitraries'

const sixteenDigits = fc.stringMatching(/^\d{16}$/)

describe('masking', () => {
  it('a NIK shows only its kecamatan and serial', () => {
    expect(maskNik('3201144507800001')).toBe('320114******0001')
  })

  it('a value that is not a NIK is starred out whole', () => {
    expect(maskNik('32011445078')).toBe('***********')
  })

  it('masking never leaks the middle six digits', () => {
    fc.assert(
      fc.property(sixteenDigits, (nik) => {
        const masked = maskNik(nik)
        expect(masked).toBe(`${nik.slice(0, 6)}******${nik.slice(12)}`)
        expect(masked).not.toContain(nik.slice(6, 12))
      }),
    )
  })

  it('NIKs and KKs in a log message are masked, other numbers are not', () => {
    expect(maskDigitsIn('nik=3201144507800001 kk 3201140101100001, hp 081234567890')).toBe(
      'nik=320114******0001 kk 320114******0001, hp 081234567890',
    )
  })

  it('a longer run of digits that could hide a NIK is starred out whole', () => {
    expect(maskDigitsIn('x320114450780000112y')).toBe('x******************y')
  })

  it('any 16-digit run in arbitrary text is masked', () => {
    const textAround = fc.string({ maxLength: 30 })
    fc.assert(
      fc.property(
        textAround,
        fc.oneof(
          sixteenDigits,
          validNik.map((generated) => generated.nik),
        ),
        textAround,
        (before, nik, after) => {
          const masked = maskDigitsIn(`${before}${nik}${after}`)
          expect(masked).not.toContain(nik)
          expect(masked).not.toMatch(/\d{16}/)
        },
      ),
    )
  })

  it('text without a 16-digit run is left as it was', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!/\d{16}/.test(text))
        expect(maskDigitsIn(text)).toBe(text)
      }),
    )
  })
})
