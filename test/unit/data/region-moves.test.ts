import { describe, expect, it } from 'vitest'
import { currentKecamatanCode, REGION_MOVES } from '../../../functions/core/areas/region-splits'
import { loadAreaIndex } from '../../../functions/data/area-source'

describe('the region moves shipped as data', () => {
  const areas = loadAreaIndex()

  it('every old regency code is gone from today’s list and every new one is in it', () => {
    const stale = REGION_MOVES.filter((move) => areas.get(move.from) !== undefined).map((m) => m.from)
    const missing = REGION_MOVES.filter((move) => areas.get(move.to) === undefined).map((m) => m.to)
    expect({ stale, missing }).toEqual({ stale: [], missing: [] })
  })

  it('no regency is moved twice or to two places', () => {
    const froms = REGION_MOVES.map((move) => move.from)
    const tos = REGION_MOVES.map((move) => move.to)
    expect(new Set(froms).size).toBe(froms.length)
    expect(new Set(tos).size).toBe(tos.length)
  })

  it('Merauke’s old kecamatan code reads as today’s, a current code stays as it is', () => {
    expect(currentKecamatanCode('91.01.01')).toBe('93.01.01')
    expect(areas.isKecamatan('93.01.01')).toBe(true)
    expect(currentKecamatanCode('91.03.01')).toBe('91.03.01')
    expect(currentKecamatanCode('32.01.14')).toBe('32.01.14')
  })
})
