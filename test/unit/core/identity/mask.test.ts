import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  holdsIdentityNumber,
  maskDigitsDeep,
  maskDigitsIn,
  maskNik,
} from '../../../../functions/core/identity/mask'
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

  it('text without 16 digits in one run, separators or not, is left as it was', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!holdsIdentityNumber(text))
        expect(maskDigitsIn(text)).toBe(text)
      }),
    )
  })
})

// What residents and TKSK type between the groups of a number copied from a KTP.
const separator = fc.constantFrom(' ', '.', '-', ' - ', '\u00a0', '–', '/', '_', '. ', '')
/** The NIK with a separator (possibly none) after every digit but the last. */
const typedWithSeparators = (nik: string) =>
  fc
    .array(separator, { minLength: nik.length - 1, maxLength: nik.length - 1 })
    .map((separators) => [...nik].map((digit, i) => digit + (separators[i] ?? '')).join(''))
// Text around the number that cannot extend it: no digit or separator at its edges.
const wordAround = fc.stringMatching(/^(?:[A-Za-z:,;()]+(?: [A-Za-z:,;()]+)*)?$/, { maxLength: 30 })

describe('NIK and KK typed with spaces, dots or dashes', () => {
  it('the example of the issue is masked to DESIGN’s form', () => {
    expect(maskDigitsIn('NIK saya 3201 1445 0780 0001, KK 3201.1401.0110.0001')).toBe(
      'NIK saya 320114******0001, KK 320114******0001',
    )
    expect(maskDigitsIn('nik: 3201-1445-0780-0001')).toBe('nik: 320114******0001')
  })

  it('a NIK typed with any separators between any digits loses its birth date', () => {
    fc.assert(
      fc.property(
        wordAround,
        validNik.chain((generated) =>
          typedWithSeparators(generated.nik).map((typed) => ({ nik: generated.nik, typed })),
        ),
        wordAround,
        (before, { nik, typed }, after) => {
          const masked = maskDigitsIn(`${before} ${typed} ${after}`)
          expect(masked).toBe(`${before} ${maskNik(nik)} ${after}`)
          expect(masked.replace(/\D/g, '')).not.toContain(nik.slice(6, 12))
        },
      ),
    )
  })

  it('digits of a NIK spread over a longer number are starred out whole', () => {
    fc.assert(
      fc.property(
        validNik.chain((generated) => typedWithSeparators(generated.nik)),
        fc.stringMatching(/^\d{1,6}$/),
        (typed, extra) => {
          const masked = maskDigitsIn(`x${extra} ${typed}y`)
          expect(masked).toMatch(/^x\*+y$/)
        },
      ),
    )
  })

  it('masking twice changes nothing, a phone number after a masked NIK included', () => {
    expect(maskDigitsIn('320114******0001 081234567890')).toBe('320114******0001 081234567890')
    // Mostly digits, separators and stars: the texts where a second pass could go wrong.
    const digitHeavy = fc
      .array(fc.constantFrom('0', '1', '3', '4', '7', '9', ' ', '-', '.', '*', 'a'), { maxLength: 60 })
      .map((chars) => chars.join(''))
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), digitHeavy), (text) => {
        const once = maskDigitsIn(text)
        expect(maskDigitsIn(once)).toBe(once)
        expect(holdsIdentityNumber(once)).toBe(false)
      }),
    )
  })

  it('a case reference keeps its 16 digits: its year cannot be the day and month of a birth', () => {
    expect(maskDigitsIn('Kasus 320114-2026-000042 selesai')).toBe('Kasus 320114-2026-000042 selesai')
    // Grouped 6-4-6 with a middle that is a real DDMM, the same shape is a NIK and is masked.
    expect(maskDigitsIn('320114-4507-800001')).toBe('320114******0001')
  })

  it('every string of an answer is masked, keys and nested arrays included', () => {
    expect(
      maskDigitsDeep({ a: ['NIK 3201 1445 0780 0001'], '3201144507800001': { n: 5, ok: true, none: null } }),
    ).toEqual({ a: ['NIK 320114******0001'], '320114******0001': { n: 5, ok: true, none: null } })
  })

  it('dates, phone numbers and amounts in free text stay readable', () => {
    const text = 'Kunjungan 2026-01-10, HP 0812-3456-7890, bantuan Rp 1.500.000, RT 02/03'
    expect(maskDigitsIn(text)).toBe(text)
  })
})

describe('the birth date a NIK in the same text encodes', () => {
  it('has its day and month starred out with the NIK, however it was written', () => {
    expect(maskDigitsIn('Ibu Sari, NIK 3201 1445 0780 0001, lahir 5 Juli 1980 (KTP 05-07-1980)')).toBe(
      'Ibu Sari, NIK 320114******0001, lahir ** ** 1980 (KTP **-**-1980)',
    )
    // A man's NIK carries the day as it is; the date written first, the NIK after it.
    expect(maskDigitsIn('lahir 1975-03-12, NIK 3201141203750002')).toBe(
      'lahir 1975-**-**, NIK 320114******0002',
    )
  })

  it('other dates of the text stay readable, and a text without a NIK is not touched', () => {
    expect(maskDigitsIn('NIK 3201144507800001 dikunjungi 10-01-2026')).toBe(
      'NIK 320114******0001 dikunjungi 10-01-2026',
    )
    expect(maskDigitsIn('lahir 5 Juli 1980')).toBe('lahir 5 Juli 1980')
  })

  it('never stays beside the masked NIK, whatever the NIK and however the date is written', () => {
    fc.assert(
      fc.property(validNik, fc.constantFrom('-', '/', '.', ' '), ({ nik, birthDate }, separator) => {
        const [yyyy = '', mm = '', dd = ''] = birthDate.split('-')
        const masked = maskDigitsIn(`NIK ${nik} lahir ${[dd, mm, yyyy].join(separator)} atau ${birthDate}`)
        expect(masked).toBe(`NIK ${maskNik(nik)} lahir **-**-${yyyy} atau ${yyyy}-**-**`)
      }),
    )
  })
})
