import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  areaLevel,
  compactCode,
  isWithin,
  kabupatenOf,
  kecamatanFromCompact,
  kecamatanOf,
  parentCode,
  provinceOf,
} from '../../../../functions/core/areas/area-code'

const twoDigits = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'))
const fourDigits = fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0'))
const villageCode = fc.tuple(twoDigits, twoDigits, twoDigits, fourDigits).map((parts) => parts.join('.'))

describe('area codes', () => {
  it.each([
    ['32', 'province'],
    ['32.01', 'regency'],
    ['32.01.14', 'district'],
    ['32.01.14.2001', 'village'],
  ])('%s is a %s code', (code, level) => {
    expect(areaLevel(code)).toBe(level)
  })

  it.each([
    '',
    '*',
    '3',
    '320',
    '32.1',
    '32.01.14.201',
    '32.01.14.20011',
    '320114',
    '32.01.',
    ' 32',
    '32-01',
    '٣٢',
  ])('%j is not an area code', (code) => {
    expect(areaLevel(code)).toBeUndefined()
  })

  it('each level has the level above as its parent, and a province has none', () => {
    expect(parentCode('32.01.14.2001')).toBe('32.01.14')
    expect(parentCode('32.01.14')).toBe('32.01')
    expect(parentCode('32.01')).toBe('32')
    expect(parentCode('32')).toBeUndefined()
    expect(parentCode('nonsense')).toBeUndefined()
  })

  it('the kabupaten and kecamatan of a village are its prefixes', () => {
    expect(provinceOf('32.01.14.2001')).toBe('32')
    expect(kabupatenOf('32.01.14.2001')).toBe('32.01')
    expect(kecamatanOf('32.01.14.2001')).toBe('32.01.14')
    expect(kabupatenOf('32.01')).toBe('32.01')
    expect(kecamatanOf('32.01.14')).toBe('32.01.14')
  })

  it('a province has no kabupaten and a kabupaten has no kecamatan', () => {
    expect(kabupatenOf('32')).toBeUndefined()
    expect(kecamatanOf('32.01')).toBeUndefined()
    expect(kecamatanOf('32.01.1')).toBeUndefined()
  })

  it('a kecamatan code loses its dots inside a NIK and gets them back', () => {
    expect(compactCode('32.01.14')).toBe('320114')
    expect(kecamatanFromCompact('320114')).toBe('32.01.14')
    expect(kecamatanFromCompact('32011')).toBeUndefined()
  })
})

describe('scope', () => {
  it('a kabupaten scope holds its villages', () => {
    expect(isWithin('32.01.14.2001', '32.01')).toBe(true)
    expect(isWithin('32.01', '32.01')).toBe(true)
  })

  it('a prefix only counts on a dot boundary', () => {
    expect(isWithin('32.011', '32.01')).toBe(false)
    expect(isWithin('32.01.14', '32.0')).toBe(false)
    expect(isWithin('33.01.14', '3')).toBe(false)
  })

  it('a narrower scope does not hold its parent', () => {
    expect(isWithin('32.01', '32.01.14')).toBe(false)
  })

  it('the national scope holds every real code but nothing malformed', () => {
    expect(isWithin('18.71.04', '*')).toBe(true)
    expect(isWithin('*', '*')).toBe(false)
    expect(isWithin('32.011', '*')).toBe(false)
  })

  it('a malformed scope holds nothing, so authorization fails closed', () => {
    expect(isWithin('32.01.14', '')).toBe(false)
    expect(isWithin('32.01.14', '32.')).toBe(false)
  })

  it('every village lies within each of its ancestors and within no other kecamatan', () => {
    fc.assert(
      fc.property(villageCode, twoDigits, (code, other) => {
        for (let scope = parentCode(code); scope !== undefined; scope = parentCode(scope)) {
          expect(isWithin(code, scope)).toBe(true)
        }
        const otherKecamatan = `${kabupatenOf(code)}.${other}`
        expect(isWithin(code, otherKecamatan)).toBe(otherKecamatan === kecamatanOf(code))
      }),
    )
  })
})
