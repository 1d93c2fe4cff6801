/**
 * What the PPKS register list (`GET /api/ppks`, its page) may show of an area beside the
 * entries (ADR 0038, review of the register): counts per desa × category with the
 * sensitive categories of a desa as one count, and the cases of the area without those in
 * a sensitive category — their reference beside the category leads to the person, so they
 * are read through the audited case detail instead.
 */
import { type CategoryCode, isSensitiveCategory } from '../catalog/categories'
import { desaLevelCategory, type MapCategory, type PpksPoint } from './ppks-map'

export interface DesaCount {
  desa: string
  category: MapCategory
  count: number
}

/** Non-zero counts per desa × category (sensitive ones folded), by desa then category code. */
export const desaCounts = (points: readonly PpksPoint[]): DesaCount[] => {
  const counts = new Map<string, DesaCount>()
  for (const point of points) {
    const category = desaLevelCategory(point.category)
    const key = `${point.desa} ${category}`
    const entry = counts.get(key) ?? { desa: point.desa, category, count: 0 }
    entry.count += 1
    counts.set(key, entry)
  }
  return [...counts.values()].sort(
    (a, b) => a.desa.localeCompare(b.desa) || a.category.localeCompare(b.category),
  )
}

/** The cases a register list names: none in a sensitive category. */
export const listableCases = <T extends { category: CategoryCode }>(cases: readonly T[]): T[] =>
  cases.filter((c) => !isSensitiveCategory(c.category))
