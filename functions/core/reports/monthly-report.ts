/**
 * The laporan bulanan TKSK (issue #8 item 5) of one kecamatan, and the kabupaten roll-up
 * with one row per kecamatan plus a total. Pure: the cases and batches come in, the
 * month's bounds decide what counts.
 *
 * - home visits: assessments recorded in the month (with the visit date the TKSK gave);
 * - cases by stage: the cases filed in the month at their current status;
 *   by outcome: the cases closed in the month;
 * - referrals: accepted by the provider in the month; declines of cases active in the
 *   month (a decline keeps no date of its own on the case); served / not served: cases
 *   with a referral closed in the month FULFILLED / NOT_FULFILLED;
 * - verval: the batches whose period is the month;
 * - kinds (issue 15 item 6): the cases filed in the month per kind, filer and without NIK.
 */
import { CASE_OUTCOMES, CASE_STATUSES, type CaseOutcome, type CaseStatus } from '../catalog/case-statuses'
import { CASE_KINDS, type CaseKind, caseKindOf } from '../case/case-kind'
import type { CaseRecord } from '../case/case-record'
import type { BatchRecord } from '../verval/batch-record'
import { addKindCounts, kindCounts, type KindCounts } from './kind-counts'
import { isWithinMonth, type MonthBounds } from './report-month'

export interface HomeVisit {
  caseId: string
  reference: string
  visitDate: string
  recordedAt: string
  eligible: boolean | undefined
}

export interface ReferralCounts {
  accepted: number
  declined: number
  served: number
  notServed: number
}

export interface ReportFigures {
  homeVisits: number
  filed: number
  byStage: Record<CaseStatus, number>
  byOutcome: Record<CaseOutcome, number>
  /** Cases filed in the month by kind (ADR 0036): service requests, complaints, proposals, objections. */
  filedByKind: Record<CaseKind, number>
  referrals: ReferralCounts
  batches: number
  kinds: KindCounts
}

export interface KecamatanReport {
  kecamatan: string
  figures: ReportFigures
  visits: HomeVisit[]
  batches: Pick<BatchRecord, 'batchId' | 'program' | 'status' | 'rows' | 'errorCount' | 'createdAt'>[]
}

export interface RollUp {
  rows: { kecamatan: string; figures: ReportFigures }[]
  total: ReportFigures
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>

const activeIn = (record: CaseRecord, bounds: MonthBounds): boolean =>
  record.history.some((entry) => isWithinMonth(entry.at, bounds))

const closedIn = (record: CaseRecord, bounds: MonthBounds): boolean =>
  record.status === 'CLOSED' && isWithinMonth(record.closedAt, bounds)

export const homeVisits = (cases: readonly CaseRecord[], bounds: MonthBounds): HomeVisit[] =>
  cases
    .filter((record) => isWithinMonth(record.assessment?.at, bounds))
    .map((record) => ({
      caseId: record.caseId,
      reference: record.reference,
      visitDate: String(record.assessment?.visitDate ?? ''),
      recordedAt: record.assessment?.at ?? '',
      eligible: typeof record.assessment?.eligible === 'boolean' ? record.assessment.eligible : undefined,
    }))
    .sort((a, b) => a.visitDate.localeCompare(b.visitDate) || a.reference.localeCompare(b.reference))

export const reportFigures = (
  cases: readonly CaseRecord[],
  batches: readonly BatchRecord[],
  bounds: MonthBounds,
): ReportFigures => {
  const byStage = zeros(CASE_STATUSES)
  const byOutcome = zeros(CASE_OUTCOMES)
  const filedByKind = zeros(CASE_KINDS)
  const referrals: ReferralCounts = { accepted: 0, declined: 0, served: 0, notServed: 0 }
  const filed: CaseRecord[] = []
  for (const record of cases) {
    if (isWithinMonth(record.createdAt, bounds)) {
      filed.push(record)
      byStage[record.status]++
      filedByKind[caseKindOf(record)]++
    }
    const closed = closedIn(record, bounds)
    if (closed && record.outcome) byOutcome[record.outcome]++
    if (isWithinMonth(record.referral?.acceptedAt, bounds)) referrals.accepted++
    if (activeIn(record, bounds)) referrals.declined += record.declinedProviders?.length ?? 0
    if (closed && record.referral?.acceptedAt) {
      if (record.outcome === 'FULFILLED') referrals.served++
      if (record.outcome === 'NOT_FULFILLED') referrals.notServed++
    }
  }
  return {
    homeVisits: homeVisits(cases, bounds).length,
    filed: filed.length,
    byStage,
    byOutcome,
    filedByKind,
    referrals,
    batches: batches.filter((batch) => batch.period === bounds.month).length,
    kinds: kindCounts(filed),
  }
}

export const kecamatanReport = (
  kecamatan: string,
  cases: readonly CaseRecord[],
  batches: readonly BatchRecord[],
  bounds: MonthBounds,
): KecamatanReport => {
  const own = cases.filter((record) => record.kecamatan === kecamatan)
  const ownBatches = batches.filter((batch) => batch.kecamatan === kecamatan)
  return {
    kecamatan,
    figures: reportFigures(own, ownBatches, bounds),
    visits: homeVisits(own, bounds),
    batches: ownBatches
      .filter((batch) => batch.period === bounds.month)
      .map(({ batchId, program, status, rows, errorCount, createdAt }) => ({
        batchId,
        program,
        status,
        rows,
        errorCount,
        createdAt,
      }))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  }
}

const addInto = (total: ReportFigures, figures: ReportFigures): void => {
  total.homeVisits += figures.homeVisits
  total.filed += figures.filed
  total.batches += figures.batches
  for (const status of CASE_STATUSES) total.byStage[status] += figures.byStage[status]
  for (const outcome of CASE_OUTCOMES) total.byOutcome[outcome] += figures.byOutcome[outcome]
  for (const kind of CASE_KINDS) total.filedByKind[kind] += figures.filedByKind[kind]
  for (const key of ['accepted', 'declined', 'served', 'notServed'] as const)
    total.referrals[key] += figures.referrals[key]
  addKindCounts(total.kinds, figures.kinds)
}

/** One row per kecamatan of `kecamatanCodes` (every one, even without activity) plus the total. */
export const rollUp = (
  kecamatanCodes: readonly string[],
  cases: readonly CaseRecord[],
  batches: readonly BatchRecord[],
  bounds: MonthBounds,
): RollUp => {
  const rows = kecamatanCodes.map((kecamatan) => ({
    kecamatan,
    figures: reportFigures(
      cases.filter((record) => record.kecamatan === kecamatan),
      batches.filter((batch) => batch.kecamatan === kecamatan),
      bounds,
    ),
  }))
  const total = reportFigures([], [], bounds)
  for (const row of rows) addInto(total, row.figures)
  return { rows, total }
}
