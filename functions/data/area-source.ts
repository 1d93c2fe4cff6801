/**
 * The one place that reads the idn-area-data CSVs. The index is built once per process
 * (a Lambda container or the local server): provinces, regencies and districts on first
 * use, the 83k villages only when a village-level question is first asked.
 *
 * The directory is `AREA_DATA_DIR` when set (on AWS the CSVs are copied into the bundle,
 * where `node_modules` does not exist), else the `data/` folder of the installed package.
 * The 3.x CSVs already spell codes with dots (`32.01.14.2001`), as the API does.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { type AreaIndex, type AreaRow, createAreaIndex } from '../core/areas/area-index'

type AreaFile = 'provinces' | 'regencies' | 'districts' | 'villages'

// The column naming each file's parent; provinces have none.
const PARENT_COLUMN: Record<AreaFile, string | undefined> = {
  provinces: undefined,
  regencies: 'province_code',
  districts: 'regency_code',
  villages: 'district_code',
}

export const areaDataDir = (): string => {
  const configured = process.env.AREA_DATA_DIR
  if (configured) return configured
  // Resolved lazily: in a CommonJS Lambda bundle `import.meta.url` is empty, and there
  // AREA_DATA_DIR is always set.
  const packageJson = createRequire(import.meta.url).resolve('idn-area-data/package.json')
  return join(dirname(packageJson), 'data')
}

const readRows = (dir: string, file: AreaFile): AreaRow[] => {
  const path = join(dir, `${file}.csv`)
  const records: Record<string, string>[] = parse(readFileSync(path, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
    // A few village names carry a bare `"` for a glottal stop (`Soka"an`); kept as written.
    relax_quotes: true,
  })
  const parentColumn = PARENT_COLUMN[file]
  return records.map((record, i) => {
    const { code, name } = record
    const parentCode = parentColumn === undefined ? undefined : record[parentColumn]
    if (!code || !name || (parentColumn !== undefined && !parentCode)) {
      throw new Error(`${path}: row ${i + 2} lacks code, name or ${parentColumn ?? 'parent'}`)
    }
    return { code, name, parentCode }
  })
}

/** A fresh index over the CSVs in `dir`; villages are read on first need. */
export const readAreaIndex = (dir: string): AreaIndex =>
  createAreaIndex(
    [...readRows(dir, 'provinces'), ...readRows(dir, 'regencies'), ...readRows(dir, 'districts')],
    () => readRows(dir, 'villages'),
  )

let cached: AreaIndex | undefined

/** The process-wide index, built on first call. */
export const loadAreaIndex = (): AreaIndex => {
  cached ??= readAreaIndex(areaDataDir())
  return cached
}
