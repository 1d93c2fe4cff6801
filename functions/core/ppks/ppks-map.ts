/**
 * Pemetaan sosial (issue 16 item 3, ADR 0038): the PPKS and PSKS of a kecamatan by desa,
 * or of a kabupaten/kota by kecamatan, as one table of counts. PPKS are the register's
 * active entries not yet turned into a case plus the cases of the area (read, never
 * copied): an entry that became a case counts once, as the case. Pure: the caller reads.
 */
import {
  CATEGORY_CODES,
  CATEGORY_LABELS,
  type CategoryCode,
  isSensitiveCategory,
} from '../catalog/categories'
import { PSKS_KINDS, type PsksKind } from '../psks/psks-kinds'

/**
 * The one column that stands for every sensitive category on a count per desa: "ODHA: 1"
 * in a desa of a few hundred households names a person, so below the kabupaten the
 * sensitive categories are counted together (their detail is read through the audited
 * entry or case, ADR 0038).
 */
export const SENSITIVE_GROUP = 'SENSITIF'
export type MapCategory = CategoryCode | typeof SENSITIVE_GROUP

const MAP_CATEGORY_ORDER: readonly MapCategory[] = [...CATEGORY_CODES, SENSITIVE_GROUP]

export const mapCategoryLabel = (category: MapCategory): string =>
  category === SENSITIVE_GROUP ? 'Kategori sensitif' : CATEGORY_LABELS[category]

/** A category as a count per desa may show it: a sensitive one folded into the group. */
export const desaLevelCategory = (category: CategoryCode): MapCategory =>
  isSensitiveCategory(category) ? SENSITIVE_GROUP : category

/** One PPKS on the map: where (a desa) and in which category. */
export interface PpksPoint {
  desa: string
  category: CategoryCode
}

/** One PSKS on the map: its area (a desa, or a whole kecamatan) and kind. */
export interface PsksPoint {
  area: string
  kind: PsksKind
}

export interface MapRow {
  /** A desa code (kecamatan map) or kecamatan code (kabupaten map). */
  code: string
  byCategory: Partial<Record<MapCategory, number>>
  ppks: number
  byKind: Partial<Record<PsksKind, number>>
  psks: number
}

export interface SocialMap {
  rows: MapRow[]
  /** PSKS of the whole kecamatan (no single desa); on a kabupaten map they sit in their kecamatan's row. */
  areaWide: Pick<MapRow, 'byKind' | 'psks'>
  /** The categories with at least one PPKS, in the Permensos order, the sensitive group last (the table's columns). */
  categories: MapCategory[]
  /** The PSKS kinds present, in the register's order. */
  kinds: PsksKind[]
  totals: Omit<MapRow, 'code'>
}

const add = <K extends string>(counts: Partial<Record<K, number>>, key: K) => {
  counts[key] = (counts[key] ?? 0) + 1
}

const emptyRow = (code: string): MapRow => ({ code, byCategory: {}, ppks: 0, byKind: {}, psks: 0 })

/**
 * The map over `rows` (every desa of the kecamatan, or every kecamatan of the kabupaten,
 * in the order shown, so a place with nothing still has its row). `rowOf` maps a point's
 * area to its row code, or undefined when it has none (a kecamatan-wide PSKS on a
 * kecamatan map; a point outside the rows is ignored). `foldSensitive` counts the
 * sensitive categories as one group (rows that are desa).
 */
export const socialMap = (input: {
  rows: readonly string[]
  rowOf: (area: string) => string | undefined
  ppks: readonly PpksPoint[]
  psks: readonly PsksPoint[]
  foldSensitive: boolean
}): SocialMap => {
  const shown = input.foldSensitive ? desaLevelCategory : (category: CategoryCode): MapCategory => category
  const rows = new Map(input.rows.map((code) => [code, emptyRow(code)]))
  const totals = emptyRow('')
  const areaWide = emptyRow('')
  for (const point of input.ppks) {
    const row = rows.get(input.rowOf(point.desa) ?? '')
    if (!row) continue
    add(row.byCategory, shown(point.category))
    add(totals.byCategory, shown(point.category))
    row.ppks += 1
    totals.ppks += 1
  }
  for (const point of input.psks) {
    const code = input.rowOf(point.area)
    const row = code === undefined ? undefined : rows.get(code)
    if (code !== undefined && !row) continue
    const target = row ?? areaWide
    add(target.byKind, point.kind)
    target.psks += 1
    add(totals.byKind, point.kind)
    totals.psks += 1
  }
  const { code: _code, ...sums } = totals
  return {
    rows: [...rows.values()],
    areaWide: { byKind: areaWide.byKind, psks: areaWide.psks },
    categories: MAP_CATEGORY_ORDER.filter((c) => (totals.byCategory[c] ?? 0) > 0),
    kinds: PSKS_KINDS.filter((k) => (totals.byKind[k] ?? 0) > 0),
    totals: sums,
  }
}

/**
 * Whether a case is a PPKS of its own on the map: a DUPLICATE case is another case's
 * person (that one counts) and an INVALID one failed revalidation (its data is wrong).
 */
export const caseCountsOnMap = (outcome: string | undefined): boolean =>
  outcome !== 'DUPLICATE' && outcome !== 'INVALID'
