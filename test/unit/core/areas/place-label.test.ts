import { describe, expect, it } from 'vitest'
import { createAreaIndex } from '../../../../functions/core/areas/area-index'
import { placeLabel } from '../../../../functions/core/areas/place-label'

const index = createAreaIndex([
  { code: '32', name: 'JAWA BARAT' },
  { code: '32.01', name: 'KABUPATEN BOGOR', parentCode: '32' },
  { code: '18.71', name: 'KOTA BANDAR LAMPUNG', parentCode: '18' },
  { code: '32.01.14', name: 'Leuwiliang', parentCode: '32.01' },
  { code: '32.01.14.2001', name: 'Cibeber I', parentCode: '32.01.14' },
  { code: '32.01.15.2001', name: 'Cibadak', parentCode: '32.01.15' },
])

describe('place labels', () => {
  it('names a desa with its kecamatan, since desa names repeat across a kabupaten', () => {
    expect(placeLabel(index, '32.01.14.2001')).toBe('Cibeber I, Kec. Leuwiliang')
  })

  it('names a desa alone when its kecamatan is not in the index', () => {
    expect(placeLabel(index, '32.01.15.2001')).toBe('Cibadak')
  })

  it('names a kecamatan as "Kec." and a regency as its office reads it', () => {
    expect(placeLabel(index, '32.01.14')).toBe('Kec. Leuwiliang')
    expect(placeLabel(index, '32.01')).toBe('Kab. Bogor')
    expect(placeLabel(index, '18.71')).toBe('Kota Bandar Lampung')
    expect(placeLabel(index, '32')).toBe('Jawa Barat')
  })

  it('keeps a code nobody can name rather than guessing a name', () => {
    expect(placeLabel(index, '32.01.14.2999')).toBe('32.01.14.2999')
    expect(placeLabel(index, '*')).toBe('*')
  })
})
