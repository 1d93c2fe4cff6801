/**
 * An in-memory lookup of the Kemendagri areas, built from plain rows so that it can be
 * fed from the idn-area-data CSVs (`functions/data/area-source.ts`) or from a handful of
 * rows in a test. Villages (83k rows) can be supplied lazily: they are loaded the first
 * time a village-level question is asked, so requests that only touch provinces,
 * regencies and districts never pay for them.
 */
import { areaLevel, parentCode as parentOf } from './area-code'

export interface AreaRow {
  code: string
  name: string
  /** Absent for a province. */
  parentCode?: string | undefined
}

export interface AreaIndex {
  get(code: string): AreaRow | undefined
  /** The areas directly under `parentCode`, sorted by name (Indonesian collation), for pickers. */
  children(parentCode: string): readonly AreaRow[]
  /** All provinces, sorted by name. */
  provinces(): readonly AreaRow[]
  isProvince(code: string): boolean
  isKecamatan(code: string): boolean
  isVillage(code: string): boolean
}

const ROOT = ''
// Numeric collation keeps "Kecamatan 2" before "Kecamatan 10"; base sensitivity so the
// upper-case province and regency names sort with the title-case ones.
const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true })
const byName = (a: AreaRow, b: AreaRow): number =>
  collator.compare(a.name, b.name) || (a.code < b.code ? -1 : 1)

const checkRow = (row: AreaRow): void => {
  if (areaLevel(row.code) === undefined)
    throw new Error(`area row has a malformed code: ${JSON.stringify(row.code)}`)
  if (row.parentCode !== parentOf(row.code)) {
    throw new Error(
      `area ${row.code} names parent ${row.parentCode ?? '(none)'}, expected ${parentOf(row.code) ?? '(none)'}`,
    )
  }
  if (row.name.trim() === '') throw new Error(`area ${row.code} has no name`)
}

/**
 * Builds the index. Rows must have well-formed codes whose `parentCode` is the code one
 * level up; a bad row throws, because a silently wrong area list would route cases to
 * the wrong office. Parents need not be present (tests use partial trees).
 */
export const createAreaIndex = (
  rows: Iterable<AreaRow>,
  loadVillages?: () => Iterable<AreaRow>,
): AreaIndex => {
  const byCode = new Map<string, AreaRow>()
  const byParent = new Map<string, AreaRow[]>()
  // Groups are sorted on first read: most of the ~7k village lists are never asked for
  // in a given container, and sorting all 83k names up front costs ~0.3 s.
  const unsorted = new Set<AreaRow[]>()
  let villagesPending = loadVillages !== undefined

  // Validates the whole batch before touching the maps, so a bad file leaves the index
  // as it was and a later retry starts clean.
  const add = (batch: Iterable<AreaRow>): void => {
    const incoming = [...batch]
    const seen = new Set<string>()
    for (const row of incoming) {
      checkRow(row)
      if (byCode.has(row.code) || seen.has(row.code)) throw new Error(`area ${row.code} appears twice`)
      seen.add(row.code)
    }
    for (const row of incoming) {
      byCode.set(row.code, row)
      const key = row.parentCode ?? ROOT
      let siblings = byParent.get(key)
      if (siblings === undefined) {
        siblings = []
        byParent.set(key, siblings)
      }
      siblings.push(row)
      unsorted.add(siblings)
    }
  }

  const childrenOf = (key: string): readonly AreaRow[] => {
    const siblings = byParent.get(key)
    if (siblings === undefined) return []
    if (unsorted.delete(siblings)) siblings.sort(byName)
    return siblings
  }

  // Called before answering anything about villages; the flag flips only once the load
  // succeeded, so a failed read is retried on the next question.
  const loadVillagesIf = (needed: boolean): void => {
    if (!needed || !villagesPending || loadVillages === undefined) return
    add(loadVillages())
    villagesPending = false
  }

  const get = (code: string): AreaRow | undefined => {
    loadVillagesIf(areaLevel(code) === 'village')
    return byCode.get(code)
  }

  add(rows)

  return {
    get,
    children: (parentCode) => {
      loadVillagesIf(areaLevel(parentCode) === 'district')
      return childrenOf(parentCode)
    },
    provinces: () => childrenOf(ROOT),
    isProvince: (code) => areaLevel(code) === 'province' && byCode.has(code),
    isKecamatan: (code) => areaLevel(code) === 'district' && byCode.has(code),
    isVillage: (code) => areaLevel(code) === 'village' && get(code) !== undefined,
  }
}
