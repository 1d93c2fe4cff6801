/**
 * The figures of the Dinsos dashboard for one month of one kabupaten/kota (issue #8
 * item 5), from the cases, open tasks and batches the data layer read. Pure: the month's
 * bounds and `now` come in as arguments.
 *
 * - cases by status, category and kecamatan: the cases filed in the month, at their
 *   current status;
 * - median days per stage: stages that ended in the month (see stage-durations.ts);
 * - overdue tasks: open tasks past their due date at `now`;
 * - awaiting a provider: cases that no directory entry serves, waiting on Dinsos's
 *   "Pilih penyedia" now (issue 13), whatever month they were filed in;
 * - verval: the month's batches (period = month) per kecamatan and status;
 * - kinds (issue 15 item 6): the cases filed in the month per kind, filer and without NIK.
 */
import { CASE_STATUS_LABELS, CASE_STATUSES, type CaseStatus } from '../catalog/case-statuses'
import { CATEGORY_LABELS, type CategoryCode } from '../catalog/categories'
import type { CaseRecord } from '../case/case-record'
import { CASE_KIND_LABELS, CASE_KINDS, type CaseKind, caseKindOf } from '../case/case-kind'
import type { TaskKind } from '../case/task-kinds'
import type { TaskRecord } from '../case/task-record'
import type { BatchRecord } from '../verval/batch-record'
import { BATCH_STATUSES, type BatchStatus } from '../verval/batch-status'
import { KIND_ROWS, kindCounts } from './kind-counts'
import { median } from './median'
import { isWithinMonth, type MonthBounds } from './report-month'
import { STAGE_LABELS, STAGES, type Stage, stageSpans } from './stage-durations'

export interface Count<K extends string = string> {
  key: K
  label: string
  count: number
}

export interface StageMedian {
  stage: Stage
  label: string
  /** Rounded to one decimal; null when no case finished the stage in the month. */
  medianDays: number | null
  cases: number
}

export interface OverdueTask {
  taskId: string
  caseId: string
  reference: string
  kind: TaskKind
  kecamatan: string
  dueAt: string
  daysOverdue: number
}

/** A case no provider of the directory serves, waiting on Dinsos's choice. */
export interface AwaitingProvider {
  taskId: string
  caseId: string
  reference: string
  kecamatan: string
  since: string
}

export interface VervalRow {
  kecamatan: string
  counts: Record<BatchStatus, number>
  total: number
}

export interface DashboardFigures {
  month: string
  filed: number
  byStatus: Count<CaseStatus>[]
  byCategory: Count<CategoryCode>[]
  /** The month's cases by kind (ADR 0036), every kind listed. */
  byKind: Count<CaseKind>[]
  byKecamatan: Count[]
  /** The month's cases per kind, filer and without NIK (issue 15 item 6, ADR 0037). */
  byKindAndFiler: Count[]
  stageMedians: StageMedian[]
  overdueTasks: OverdueTask[]
  awaitingProvider: AwaitingProvider[]
  verval: VervalRow[]
}

const DAY_MS = 24 * 60 * 60 * 1000

const tally = <K extends string>(keys: readonly K[]): Map<K, number> => {
  const counts = new Map<K, number>()
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1)
  return counts
}

/** Largest first, then by key, so equal counts keep a stable order. */
const byCountDescending = <K extends string>(a: Count<K>, b: Count<K>): number =>
  b.count - a.count || a.key.localeCompare(b.key)

export const filedIn = (cases: readonly CaseRecord[], bounds: MonthBounds): CaseRecord[] =>
  cases.filter((record) => isWithinMonth(record.createdAt, bounds))

export const stageMedians = (cases: readonly CaseRecord[], bounds: MonthBounds): StageMedian[] => {
  const spans = cases.flatMap(stageSpans).filter((s) => isWithinMonth(s.end, bounds))
  return STAGES.map((stage) => {
    const days = spans.filter((s) => s.stage === stage).map((s) => s.days)
    const value = median(days)
    return {
      stage,
      label: STAGE_LABELS[stage],
      medianDays: value === undefined ? null : Math.round(value * 10) / 10,
      cases: days.length,
    }
  })
}

export const overdueTasks = (tasks: readonly TaskRecord[], now: Date): OverdueTask[] =>
  tasks
    .filter((task) => task.status === 'OPEN' && Date.parse(task.dueAt) < now.getTime())
    .map((task) => ({
      taskId: task.taskId,
      caseId: task.caseId,
      reference: task.reference,
      kind: task.kind,
      kecamatan: task.area,
      dueAt: task.dueAt,
      daysOverdue: Math.floor((now.getTime() - Date.parse(task.dueAt)) / DAY_MS),
    }))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))

export const awaitingProvider = (tasks: readonly TaskRecord[]): AwaitingProvider[] =>
  tasks
    .filter((task) => task.kind === 'PROVIDER_CHOICE' && task.status === 'OPEN')
    .map((task) => ({
      taskId: task.taskId,
      caseId: task.caseId,
      reference: task.reference,
      kecamatan: task.area,
      since: task.createdAt,
    }))
    .sort((a, b) => a.since.localeCompare(b.since))

export const vervalByKecamatan = (batches: readonly BatchRecord[], month: string): VervalRow[] => {
  const rows = new Map<string, VervalRow>()
  for (const batch of batches.filter((b) => b.period === month)) {
    const row = rows.get(batch.kecamatan) ?? {
      kecamatan: batch.kecamatan,
      counts: Object.fromEntries(BATCH_STATUSES.map((s) => [s, 0])) as Record<BatchStatus, number>,
      total: 0,
    }
    row.counts[batch.status] += 1
    row.total += 1
    rows.set(batch.kecamatan, row)
  }
  return [...rows.values()].sort((a, b) => a.kecamatan.localeCompare(b.kecamatan))
}

export const dashboardFigures = (input: {
  cases: readonly CaseRecord[]
  /** Every open task of the kabupaten/kota (overdue or not). */
  openTasks: readonly TaskRecord[]
  batches: readonly BatchRecord[]
  bounds: MonthBounds
  now: Date
}): DashboardFigures => {
  const filed = filedIn(input.cases, input.bounds)
  const statuses = tally(filed.map((c) => c.status))
  const categories = tally(filed.map((c) => c.category))
  const kecamatan = tally(filed.map((c) => c.kecamatan))
  const kinds = tally(filed.map(caseKindOf))
  const kindsAndFilers = kindCounts(filed)
  return {
    month: input.bounds.month,
    filed: filed.length,
    byStatus: CASE_STATUSES.map((key) => ({
      key,
      label: CASE_STATUS_LABELS[key],
      count: statuses.get(key) ?? 0,
    })),
    byCategory: [...categories]
      .map(([key, count]) => ({ key, label: CATEGORY_LABELS[key] ?? key, count }))
      .sort(byCountDescending),
    byKind: CASE_KINDS.map((key) => ({ key, label: CASE_KIND_LABELS[key], count: kinds.get(key) ?? 0 })),
    byKecamatan: [...kecamatan].map(([key, count]) => ({ key, label: key, count })).sort(byCountDescending),
    byKindAndFiler: KIND_ROWS.map((row) => ({
      key: row.key,
      label: row.label,
      count: row.value(kindsAndFilers),
    })),
    stageMedians: stageMedians(input.cases, input.bounds),
    overdueTasks: overdueTasks(input.openTasks, input.now),
    awaitingProvider: awaitingProvider(input.openTasks),
    verval: vervalByKecamatan(input.batches, input.bounds.month),
  }
}
