import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeIdentityNumber } from '../../../../functions/core/identity/identity-number'
import {
  nikRegisteredElsewhere,
  regionFlags,
  validateKk,
  validateNik,
} from '../../../../functions/core/identity/validate-identity'
import { isKnownKecamatan, validNik } from './arbitraries'

// Today's provinces of the fake index: the known kecamatan's and the Papua provinces of 2022.
const PROVINCES = ['32', '18', '91', '92', '93', '94', '95', '96']
const areas = {
  isProvince: (code: string) => PROVINCES.includes(code),
  isKecamatan: (code: string) => isKnownKecamatan(code) || code === '93.01.01',
}
const codesOf = (issues: { code: string }[]) => issues.map((issue) => issue.code)

describe('NIK', () => {
  it("a woman's NIK carries her birth day plus 40", () => {
    expect(validateNik('3201144507800001', { ...areas, birthDate: '1980-07-05' })).toEqual([])
    expect(decodeIdentityNumber('3201144507800001')).toMatchObject({
      day: 5,
      month: 7,
      yearOfCentury: 80,
      dayPlus40: true,
    })
  })

  it("a man's NIK carries his birth day as it is", () => {
    expect(validateNik('3201140507800001', { ...areas, birthDate: '1980-07-05' })).toEqual([])
  })

  it.each([
    '320114450780000',
    '32011445078000011',
    '32011445O7800001',
    ' 3201144507800001',
    '３２０１１４４５０７８００００１',
  ])('%j is not 16 digits and reports only the format', (nik) => {
    expect(codesOf(validateNik(nik, areas))).toEqual(['NIK_FORMAT'])
  })

  it('a NIK whose province never existed is refused for its region', () => {
    expect(codesOf(validateNik('9901014507800001', areas))).toEqual(['NIK_REGION'])
    expect(validateNik('9901014507800001', areas)[0]?.message).toBe(
      'Dua digit pertama NIK bukan kode provinsi yang pernah ada.',
    )
  })

  it('a NIK issued in Merauke before Papua Selatan was formed (91.01, now 93.01) is accepted and flagged', () => {
    const nik = '9101014507800001'
    expect(validateNik(nik, { ...areas, birthDate: '1980-07-05' })).toEqual([])
    expect(regionFlags({ nik, kk: '9301010101100001' }, areas)).toEqual([
      { field: 'nik', kecamatan: '91.01.01', current: '93.01.01' },
    ])
    expect(nikRegisteredElsewhere(nik, '93.01.01.2001')).toBe(false)
  })

  it('a kecamatan missing from today’s list in a province that exists is accepted and flagged, with no guess of today’s code', () => {
    expect(validateNik('3201994507800001', areas)).toEqual([])
    expect(regionFlags({ nik: '3201994507800001', kk: '3201990101100001' }, areas)).toEqual([
      { field: 'nik', kecamatan: '32.01.99' },
      { field: 'kk', kecamatan: '32.01.99' },
    ])
  })

  it('a NIK and KK of a current kecamatan carry no flag', () => {
    expect(regionFlags({ nik: '3201144507800001', kk: '3201140101100001' }, areas)).toEqual([])
  })

  it.each([
    ['3201140013800001', 'day 00'],
    ['3201143207800001', 'day 32'],
    ['3201144007800001', 'day 40'],
    ['3201147207800001', 'day 72 (32 + 40)'],
    ['3201140513800001', 'month 13'],
    ['3201140500800001', 'month 00'],
    ['3201143102800001', '31 February'],
    ['3201146902010001', '29 February 2001'],
  ])('%s is refused: %s is no calendar date', (nik) => {
    expect(codesOf(validateNik(nik, areas))).toEqual(['NIK_DATE'])
  })

  it('29 February of a leap year is a real birth date, for women too', () => {
    expect(validateNik('3201142902000001', { ...areas, birthDate: '2000-02-29' })).toEqual([])
    expect(validateNik('3201146902960001', { ...areas, birthDate: '1996-02-29' })).toEqual([])
  })

  it('the serial 0000 is never issued', () => {
    expect(codesOf(validateNik('3201144507800000', areas))).toEqual(['NIK_SERIAL'])
  })

  it('reports every structural problem at once', () => {
    expect(codesOf(validateNik('9999993213800000', areas))).toEqual(['NIK_REGION', 'NIK_DATE', 'NIK_SERIAL'])
  })

  it.each([
    ['1980-07-06', 'another day'],
    ['1980-08-05', 'another month'],
    ['1981-07-05', 'another year'],
    ['2080-07-06', 'the right two-digit year but another day'],
    ['1980-7-5', 'a malformed date'],
  ])('a birth date of %s (%s) does not match the NIK', (birthDate) => {
    expect(codesOf(validateNik('3201144507800001', { ...areas, birthDate }))).toEqual([
      'NIK_BIRTHDATE_MISMATCH',
    ])
  })

  it('the century is not encoded, so 2080 matches a NIK year of 80', () => {
    expect(validateNik('3201144507800001', { ...areas, birthDate: '2080-07-05' })).toEqual([])
  })

  it('an unreadable NIK date is not also reported as a birth date mismatch', () => {
    expect(codesOf(validateNik('3201143207800001', { ...areas, birthDate: '1980-07-05' }))).toEqual([
      'NIK_DATE',
    ])
  })

  it('every NIK built from a real kecamatan, birth date, sex and serial is valid and matches the birth date', () => {
    fc.assert(
      fc.property(validNik, ({ nik, birthDate, female }) => {
        expect(validateNik(nik, { ...areas, birthDate })).toEqual([])
        expect(decodeIdentityNumber(nik)?.dayPlus40).toBe(female)
      }),
    )
  })

  it('any other birth date is a mismatch', () => {
    fc.assert(
      fc.property(validNik, fc.integer({ min: 1, max: 36_500 }), ({ nik, birthDate }, shift) => {
        const other = new Date(Date.parse(birthDate) + shift * 86_400_000).toISOString().slice(0, 10)
        fc.pre(other.slice(2) !== birthDate.slice(2))
        expect(codesOf(validateNik(nik, { ...areas, birthDate: other }))).toEqual(['NIK_BIRTHDATE_MISMATCH'])
      }),
    )
  })

  it('messages are in Indonesian', () => {
    expect(validateNik('123', areas)[0]?.message).toBe('NIK harus terdiri dari 16 digit angka.')
  })
})

describe('No. KK', () => {
  it('carries the issue date, with no +40', () => {
    expect(validateKk('3201140101100001', areas)).toEqual([])
    expect(codesOf(validateKk('3201144101100001', areas))).toEqual(['KK_DATE'])
  })

  it('is checked for format, region and serial like a NIK', () => {
    expect(codesOf(validateKk('32011401011000', areas))).toEqual(['KK_FORMAT'])
    expect(codesOf(validateKk('9901990101100000', areas))).toEqual(['KK_REGION', 'KK_SERIAL'])
  })
})

describe('NIK registered elsewhere', () => {
  it('a NIK of another kecamatan than the address is flagged', () => {
    expect(nikRegisteredElsewhere('3201154507800001', '32.01.14.2001')).toBe(true)
  })

  it('a NIK of the address kecamatan is not', () => {
    expect(nikRegisteredElsewhere('3201144507800001', '32.01.14.2001')).toBe(false)
  })

  it('malformed input is left to validation, not flagged', () => {
    expect(nikRegisteredElsewhere('32011545078', '32.01.14.2001')).toBe(false)
    expect(nikRegisteredElsewhere('3201154507800001', '32.01.14')).toBe(true)
    expect(nikRegisteredElsewhere('3201154507800001', 'desa')).toBe(false)
  })
})
