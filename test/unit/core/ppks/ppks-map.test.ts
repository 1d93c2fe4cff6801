import { describe, expect, it } from 'vitest'
import { mapTable } from '../../../../functions/core/ppks/map-table'
import { caseCountsOnMap, socialMap } from '../../../../functions/core/ppks/ppks-map'

const DESA = ['32.01.15.2001', '32.01.15.2002']
const desaRow = (code: string) => (code.length === 13 ? code : undefined)

describe('the social map of a kecamatan', () => {
  const map = socialMap({
    rows: DESA,
    rowOf: desaRow,
    ppks: [
      { desa: '32.01.15.2001', category: 'FAKIR_MISKIN' },
      { desa: '32.01.15.2001', category: 'FAKIR_MISKIN' },
      { desa: '32.01.15.2002', category: 'LANSIA_TERLANTAR' },
      // Another kecamatan's point is no row of this map.
      { desa: '32.01.14.2001', category: 'ODHA' },
    ],
    psks: [
      { area: '32.01.15.2002', kind: 'KARANG_TARUNA' },
      { area: '32.01.15', kind: 'PSM' },
    ],
    foldSensitive: true,
  })

  it('counts each desa by category, with a row for every desa', () => {
    expect(map.rows).toEqual([
      { code: '32.01.15.2001', byCategory: { FAKIR_MISKIN: 2 }, ppks: 2, byKind: {}, psks: 0 },
      {
        code: '32.01.15.2002',
        byCategory: { LANSIA_TERLANTAR: 1 },
        ppks: 1,
        byKind: { KARANG_TARUNA: 1 },
        psks: 1,
      },
    ])
  })

  it('keeps a kecamatan-wide PSKS apart from the desa, and in the totals', () => {
    expect(map.areaWide).toEqual({ byKind: { PSM: 1 }, psks: 1 })
    expect(map.totals).toEqual({
      byCategory: { FAKIR_MISKIN: 2, LANSIA_TERLANTAR: 1 },
      ppks: 3,
      byKind: { KARANG_TARUNA: 1, PSM: 1 },
      psks: 2,
    })
  })

  it('lists the categories and kinds present in the Permensos and register order', () => {
    expect(map.categories).toEqual(['LANSIA_TERLANTAR', 'FAKIR_MISKIN'])
    expect(map.kinds).toEqual(['PSM', 'KARANG_TARUNA'])
  })

  it('becomes one table with a kecamatan-wide row and a totals row', () => {
    const table = mapTable(map, { rowLabel: 'Desa/kelurahan', placeName: (code) => `Desa ${code.slice(-4)}` })
    expect(table.header).toEqual([
      'Desa/kelurahan',
      'Kode',
      'Lanjut Usia Terlantar',
      'Fakir Miskin',
      'Jumlah PPKS',
      'Pekerja Sosial Masyarakat (PSM)',
      'Karang Taruna',
      'Jumlah PSKS',
    ])
    expect(table.rows).toEqual([
      ['Desa 2001', '32.01.15.2001', 0, 2, 2, 0, 0, 0],
      ['Desa 2002', '32.01.15.2002', 1, 0, 1, 0, 1, 1],
      ['PSKS tingkat kecamatan', '', 0, 0, 0, 1, 0, 1],
      ['Jumlah', '', 1, 2, 3, 1, 1, 2],
    ])
  })
})

describe('the sensitive categories on the map', () => {
  const points = [
    { desa: '32.01.15.2001', category: 'ODHA' },
    { desa: '32.01.15.2001', category: 'ANAK_JALANAN' },
    { desa: '32.01.15.2001', category: 'FAKIR_MISKIN' },
    { desa: '32.01.15.2002', category: 'KORBAN_NAPZA' },
  ] as const
  const desaMap = socialMap({ rows: DESA, rowOf: desaRow, ppks: points, psks: [], foldSensitive: true })

  it('are one "Kategori sensitif" column on a kecamatan map, so no desa shows "ODHA: 1"', () => {
    expect(desaMap.categories).toEqual(['FAKIR_MISKIN', 'SENSITIF'])
    expect(desaMap.rows.map((r) => r.byCategory)).toEqual([{ FAKIR_MISKIN: 1, SENSITIF: 2 }, { SENSITIF: 1 }])
    const table = mapTable(desaMap, { rowLabel: 'Desa/kelurahan', placeName: (code) => code })
    expect(table.header).toEqual([
      'Desa/kelurahan',
      'Kode',
      'Fakir Miskin',
      'Kategori sensitif',
      'Jumlah PPKS',
      'Jumlah PSKS',
    ])
    expect(JSON.stringify(table)).not.toMatch(/ODHA|NAPZA|Anak Jalanan/)
  })

  it('keep their own columns on a kabupaten map, whose rows are kecamatan', () => {
    const kabupatenMap = socialMap({
      rows: ['32.01.15'],
      rowOf: (code) => code.slice(0, 8),
      ppks: points,
      psks: [],
      foldSensitive: false,
    })
    expect(kabupatenMap.categories).toEqual(['ANAK_JALANAN', 'ODHA', 'KORBAN_NAPZA', 'FAKIR_MISKIN'])
  })
})

describe('a case on the map', () => {
  it('counts unless it is another case’s duplicate or failed revalidation', () => {
    expect(caseCountsOnMap(undefined)).toBe(true)
    expect(caseCountsOnMap('FULFILLED')).toBe(true)
    expect(caseCountsOnMap('WITHDRAWN')).toBe(true)
    expect(caseCountsOnMap('DUPLICATE')).toBe(false)
    expect(caseCountsOnMap('INVALID')).toBe(false)
  })
})
