import { describe, expect, it } from 'vitest'
import { timeZoneOfArea, timeZoneOfProvince } from '../../../../functions/core/areas/time-zones'

const WIB = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '21',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '61',
  '62',
]
const WITA = ['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']
const WIT = ['81', '82', '91', '92', '93', '94', '95', '96']

describe('time zone by province', () => {
  it('covers exactly the 38 provinces', () => {
    expect(new Set([...WIB, ...WITA, ...WIT]).size).toBe(38)
  })

  it.each(WIB)('province %s (Sumatra, Java, West and Central Kalimantan) keeps WIB', (code) => {
    expect(timeZoneOfProvince(code)).toBe('Asia/Jakarta')
  })

  it.each(WITA)(
    'province %s (Bali, Nusa Tenggara, South/East/North Kalimantan, Sulawesi) keeps WITA',
    (code) => {
      expect(timeZoneOfProvince(code)).toBe('Asia/Makassar')
    },
  )

  it.each(WIT)('province %s (Maluku and Papua) keeps WIT', (code) => {
    expect(timeZoneOfProvince(code)).toBe('Asia/Jayapura')
  })

  it('a code that is no province has no zone', () => {
    expect(timeZoneOfProvince('97')).toBeUndefined()
    expect(timeZoneOfProvince('20')).toBeUndefined()
    expect(timeZoneOfProvince('32.01')).toBeUndefined()
  })

  it('a village takes the zone of its province', () => {
    expect(timeZoneOfArea('32.01.14.2001')).toBe('Asia/Jakarta')
    expect(timeZoneOfArea('64.72')).toBe('Asia/Makassar')
    expect(timeZoneOfArea('91.71.01')).toBe('Asia/Jayapura')
    expect(timeZoneOfArea('*')).toBeUndefined()
  })
})
