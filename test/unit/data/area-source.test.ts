import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { areaDataDir, loadAreaIndex, readAreaIndex } from '../../../functions/data/area-source'

const tempDirs: string[] = []
/** A folder of CSVs for one test, removed after it. */
const csvDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'areas-'))
  tempDirs.push(dir)
  return dir
}

describe('area source', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  it('reads the 38 provinces and the seeded kecamatan from the installed idn-area-data', () => {
    const index = loadAreaIndex()
    expect(index.provinces()).toHaveLength(38)
    expect(index.get('32.01')?.name).toBe('KABUPATEN BOGOR')
    expect(index.isKecamatan('32.01.14')).toBe(true)
    expect(index.isKecamatan('32.01.15')).toBe(true)
    expect(index.isKecamatan('18.71.04')).toBe(true)
    expect(index.get('32.01.14')?.name).toBe('Leuwiliang')
  })

  it('reads villages with dotted codes under their kecamatan', () => {
    const index = loadAreaIndex()
    expect(index.get('32.01.14.2001')).toEqual({
      code: '32.01.14.2001',
      name: 'Leuwiliang',
      parentCode: '32.01.14',
    })
    expect(index.children('32.01.14').length).toBeGreaterThan(5)
    expect(index.children('32.01.14').every((village) => village.code.startsWith('32.01.14.'))).toBe(true)
  })

  it('keeps a bare quote inside a village name as written', () => {
    expect(loadAreaIndex().get('35.13.15.2017')?.name).toBe('Soka"an')
  })

  it('builds the index once per process', () => {
    expect(loadAreaIndex()).toBe(loadAreaIndex())
  })

  it('reads the CSVs from AREA_DATA_DIR when it is set (the Lambda bundle)', () => {
    const dir = csvDir()
    writeFileSync(join(dir, 'provinces.csv'), '\uFEFFcode,name\n32,JAWA BARAT\n')
    writeFileSync(join(dir, 'regencies.csv'), 'code,province_code,name\n32.01,32,KABUPATEN BOGOR\n')
    writeFileSync(join(dir, 'districts.csv'), 'code,regency_code,name\n32.01.14,32.01,Leuwiliang\n')
    writeFileSync(
      join(dir, 'villages.csv'),
      'code,district_code,name\n32.01.14.2001,32.01.14,"Leuwiliang, Kota"\n',
    )
    vi.stubEnv('AREA_DATA_DIR', dir)
    expect(areaDataDir()).toBe(dir)
    const index = readAreaIndex(areaDataDir())
    expect(index.provinces()).toEqual([{ code: '32', name: 'JAWA BARAT', parentCode: undefined }])
    expect(index.get('32.01.14.2001')?.name).toBe('Leuwiliang, Kota')
  })

  it('names the file and line of a row without a parent', () => {
    const dir = csvDir()
    writeFileSync(join(dir, 'provinces.csv'), 'code,name\n32,JAWA BARAT\n')
    writeFileSync(join(dir, 'regencies.csv'), 'code,province_code,name\n32.01,,KABUPATEN BOGOR\n')
    expect(() => readAreaIndex(dir)).toThrow(/regencies\.csv: row 2/)
  })

  it('finds the package data folder when AREA_DATA_DIR is not set', () => {
    vi.stubEnv('AREA_DATA_DIR', '')
    expect(areaDataDir()).toMatch(/idn-area-data[/\\]data$/)
  })
})
