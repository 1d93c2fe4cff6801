/**
 * What a laporan bulanan reports (issue 16 item 5): the cases filed in the month by stage
 * and by category, the verval batches of the month, the PPKS found in the month (from the
 * PPKS register, when there is one: `null` until then), and the kegiatan logged by kind.
 * Pure: the records come in, the month's bounds decide what counts. Category counts name
 * sensitive categories like every other report of the kabupaten's office (no person).
 */
import type { ActivityKind } from '../activities/activity-kinds'
import { ACTIVITY_KINDS } from '../activities/activity-kinds'
import type { ActivityRecord } from '../activities/activity-record'
import type { CaseRecord } from '../case/case-record'
import { CASE_STATUSES, type CaseStatus } from '../catalog/case-statuses'
import type { CategoryCode } from '../catalog/categories'
import type { BatchRecord } from '../verval/batch-record'
import { isWithinMonth, type MonthBounds } from '../reports/report-month'

export interface LaporanContents {
  cases: {
    filed: number
    byStage: Record<CaseStatus, number>
    /** Only the categories with at least one case. */
    byCategory: Partial<Record<CategoryCode, number>>
  }
  verval: { batches: number; rows: number; byProgram: Record<string, number> }
  /** PPKS recorded in the register during the month (ADR 0038). */
  ppksFound: number
  kegiatan: { total: number; reached: number; byKind: Record<ActivityKind, number> }
}

export const laporanContents = (
  input: {
    cases: readonly CaseRecord[]
    batches: readonly BatchRecord[]
    activities: readonly ActivityRecord[]
    ppksFound: number
  },
  bounds: MonthBounds,
): LaporanContents => {
  const byStage = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>
  const byCategory: Partial<Record<CategoryCode, number>> = {}
  let filed = 0
  for (const record of input.cases) {
    if (!isWithinMonth(record.createdAt, bounds)) continue
    filed++
    byStage[record.status]++
    byCategory[record.category] = (byCategory[record.category] ?? 0) + 1
  }
  const batches = input.batches.filter((batch) => batch.period === bounds.month)
  const byProgram: Record<string, number> = {}
  for (const batch of batches) byProgram[batch.program] = (byProgram[batch.program] ?? 0) + 1
  const byKind = Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, 0])) as Record<ActivityKind, number>
  const activities = input.activities.filter((a) => a.date.slice(0, 7) === bounds.month)
  for (const activity of activities) byKind[activity.kind]++
  return {
    cases: { filed, byStage, byCategory },
    verval: { batches: batches.length, rows: batches.reduce((sum, b) => sum + b.rows, 0), byProgram },
    ppksFound: input.ppksFound,
    kegiatan: {
      total: activities.length,
      reached: activities.reduce((sum, a) => sum + a.reached, 0),
      byKind,
    },
  }
}
