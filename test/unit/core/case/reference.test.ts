import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatReference,
  isReference,
  parseReference,
  referenceSchema,
  referenceYear,
} from '../../../../functions/core/case/reference'

describe('case references', () => {
  it('name the kecamatan without dots, the year and a six-digit serial', () => {
    expect(formatReference('32.01.14', 2026, 42)).toBe('320114-2026-000042')
  })

  it('read back into their parts', () => {
    expect(parseReference('320114-2026-000042')).toEqual({
      kecamatanCode: '32.01.14',
      year: 2026,
      serial: 42,
    })
  })

  it('round-trip for every kecamatan, year and serial', () => {
    const twoDigits = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'))
    const kecamatan = fc.tuple(twoDigits, twoDigits, twoDigits).map((parts) => parts.join('.'))
    fc.assert(
      fc.property(
        kecamatan,
        fc.integer({ min: 2000, max: 9999 }),
        fc.integer({ min: 1, max: 999_999 }),
        (code, year, serial) => {
          expect(parseReference(formatReference(code, year, serial))).toEqual({
            kecamatanCode: code,
            year,
            serial,
          })
        },
      ),
    )
  })

  it.each([
    '320114-2026-000000',
    '320114-2026-42',
    '32.01.14-2026-000042',
    '320114-1999-000001',
    ' 320114-2026-000042',
    '',
  ])('%j is not a reference', (value) => {
    expect(parseReference(value)).toBeUndefined()
    expect(isReference(value)).toBe(false)
  })

  it('cannot be made for anything but a kecamatan, or with a serial the counter cannot reach', () => {
    expect(() => formatReference('32.01', 2026, 1)).toThrow(RangeError)
    expect(() => formatReference('32.01.14', 2026, 0)).toThrow(RangeError)
    expect(() => formatReference('32.01.14', 2026, 1_000_000)).toThrow(RangeError)
    expect(() => formatReference('32.01.14', 26, 1)).toThrow(RangeError)
  })

  it('the schema trims what a resident typed and explains the format in Indonesian', () => {
    expect(referenceSchema.parse(' 320114-2026-000042 ')).toBe('320114-2026-000042')
    const result = referenceSchema.safeParse('320114/2026/42')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/berformat 320114-2026-000042/)
  })

  it('a request just after midnight on New Year in Jayapura is numbered in the new year', () => {
    const instant = new Date('2025-12-31T15:30:00Z') // 00:30 WIT, 22:30 WIB
    expect(referenceYear(instant, '91.71.01')).toBe(2026)
    expect(referenceYear(instant, '32.01.14')).toBe(2025)
  })

  it('no reference year without a known province', () => {
    expect(() => referenceYear(new Date(), '99.01.01')).toThrow(RangeError)
  })
})
