/**
 * The PPKS register of a desa, kecamatan or kabupaten/kota (issue 16 item 1, ADR 0038):
 * the entries recorded during inventory and the cases of the area, read from the cases
 * (never copied), with the counts per desa × category. A kabupaten holds a few thousand
 * entries at most: read whole.
 */
import type { CategoryCode } from '../../core/catalog/categories'
import { caseCountsOnMap, type PpksPoint } from '../../core/ppks/ppks-map'
import type { PpksRecord } from '../../core/ppks/ppks-record'
import { type AreaCase, casesOfArea } from '../../data/area-case-reads'
import { ppksOfArea } from '../../data/ppks-repository'

export interface PpksRegister {
  entries: PpksRecord[]
  cases: AreaCase[]
}

const byPlaceThenDate = (a: PpksRecord, b: PpksRecord) =>
  a.desa.localeCompare(b.desa) || a.createdAt.localeCompare(b.createdAt) || a.ppksId.localeCompare(b.ppksId)

export const readPpksRegister = async (area: string, category?: CategoryCode): Promise<PpksRegister> => {
  const [entries, cases] = await Promise.all([ppksOfArea(area), casesOfArea(area)])
  const wanted = <T extends { category: CategoryCode }>(item: T) =>
    category === undefined || item.category === category
  return {
    entries: entries.filter(wanted).sort(byPlaceThenDate),
    cases: cases
      .filter(wanted)
      .sort((a, b) => a.desa.localeCompare(b.desa) || a.reference.localeCompare(b.reference)),
  }
}

/**
 * The PPKS of a register as the counts see them: active entries not turned into a case,
 * and the cases that are a PPKS of their own (an entry that became a case counts once).
 */
export const ppksPoints = (register: PpksRegister): PpksPoint[] => [
  ...register.entries.filter((e) => e.active && !e.case).map((e) => ({ desa: e.desa, category: e.category })),
  ...register.cases
    .filter((c) => caseCountsOnMap(c.outcome))
    .map((c) => ({ desa: c.desa, category: c.category })),
]
