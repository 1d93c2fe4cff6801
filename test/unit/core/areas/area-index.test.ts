import { describe, expect, it, vi } from 'vitest'
import { type AreaRow, createAreaIndex } from '../../../../functions/core/areas/area-index'

const upperRows: AreaRow[] = [
  { code: '32', name: 'JAWA BARAT' },
  { code: '18', name: 'LAMPUNG' },
  { code: '11', name: 'ACEH' },
  { code: '32.01', name: 'KABUPATEN BOGOR', parentCode: '32' },
  { code: '32.01.15', name: 'Ciampea', parentCode: '32.01' },
  { code: '32.01.14', name: 'Leuwiliang', parentCode: '32.01' },
  { code: '32.01.01', name: 'Cibinong', parentCode: '32.01' },
]

const villageRows: AreaRow[] = [
  { code: '32.01.14.2001', name: 'Leuwiliang', parentCode: '32.01.14' },
  { code: '32.01.14.2002', name: 'Karacak', parentCode: '32.01.14' },
]

describe('area index', () => {
  it('lists provinces and children by name', () => {
    const index = createAreaIndex([...upperRows, ...villageRows])
    expect(index.provinces().map((row) => row.name)).toEqual(['ACEH', 'JAWA BARAT', 'LAMPUNG'])
    expect(index.children('32.01').map((row) => row.code)).toEqual(['32.01.15', '32.01.01', '32.01.14'])
    expect(index.children('32.01.14').map((row) => row.name)).toEqual(['Karacak', 'Leuwiliang'])
  })

  it('an unknown parent has no children', () => {
    expect(createAreaIndex(upperRows).children('99.99')).toEqual([])
  })

  it('knows which codes are real kecamatan and villages', () => {
    const index = createAreaIndex([...upperRows, ...villageRows])
    expect(index.isKecamatan('32.01.14')).toBe(true)
    expect(index.isKecamatan('32.01.99')).toBe(false)
    expect(index.isKecamatan('32.01')).toBe(false)
    expect(index.isVillage('32.01.14.2001')).toBe(true)
    expect(index.isVillage('32.01.14')).toBe(false)
    expect(index.get('32.01.14')).toEqual({ code: '32.01.14', name: 'Leuwiliang', parentCode: '32.01' })
  })

  it('reads villages only when a village-level question is first asked, and only once', () => {
    const loadVillages = vi.fn(() => villageRows)
    const index = createAreaIndex(upperRows, loadVillages)
    index.provinces()
    index.children('32.01')
    index.get('32.01.14')
    index.isKecamatan('32.01.14')
    expect(loadVillages).not.toHaveBeenCalled()

    expect(index.children('32.01.14')).toHaveLength(2)
    expect(index.isVillage('32.01.14.2002')).toBe(true)
    expect(index.get('32.01.14.2001')?.name).toBe('Leuwiliang')
    expect(loadVillages).toHaveBeenCalledTimes(1)
  })

  it('a failed village read is retried on the next question', () => {
    const loadVillages = vi
      .fn<() => AreaRow[]>()
      .mockImplementationOnce(() => {
        throw new Error('disk hiccup')
      })
      .mockReturnValue(villageRows)
    const index = createAreaIndex(upperRows, loadVillages)
    expect(() => index.isVillage('32.01.14.2001')).toThrow('disk hiccup')
    expect(index.isVillage('32.01.14.2001')).toBe(true)
  })

  it('refuses a row whose parent is not the code one level up', () => {
    expect(() => createAreaIndex([{ code: '32.01.14', name: 'Leuwiliang', parentCode: '33.01' }])).toThrow(
      /expected 32.01/,
    )
    expect(() => createAreaIndex([{ code: '32.01', name: 'KABUPATEN BOGOR' }])).toThrow(/expected 32/)
  })

  it('refuses malformed codes, empty names and duplicates', () => {
    expect(() => createAreaIndex([{ code: '3201', name: 'X' }])).toThrow(/malformed/)
    expect(() => createAreaIndex([{ code: '32', name: ' ' }])).toThrow(/no name/)
    expect(() => createAreaIndex([...upperRows, { code: '32', name: 'JABAR' }])).toThrow(/twice/)
  })
})
