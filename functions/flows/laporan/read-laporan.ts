/**
 * Reading laporan bulanan (issue 16 item 5, ADR 0039): a kecamatan's report with its
 * figures, where every kecamatan of a kabupaten stands (the Dinsos dashboard), and the
 * roll-up of a province's kabupaten (the `dinsos_provinsi` page and API).
 */
import { kabupatenOf } from '../../core/areas/area-code'
import { timeZoneOfArea } from '../../core/areas/time-zones'
import { type LaporanContents, laporanContents } from '../../core/laporan/laporan-contents'
import type { LaporanRecord } from '../../core/laporan/laporan-record'
import {
  type SubmissionRates,
  type SubmissionRow,
  submissionRates,
  submissionRows,
} from '../../core/laporan/submission-rates'
import { monthBounds } from '../../core/reports/report-month'
import { activitiesOfMonth } from '../../data/activity-repository'
import { loadAreaIndex } from '../../data/area-source'
import { getLaporan, laporansOfMonth } from '../../data/laporan-repository'
import { listBatches, listCasesFiled } from '../../data/report-queries'
import { deadlineOf } from './open-laporan'
import { countPpksFound } from './ppks-found'

const zoneOf = (area: string): string => timeZoneOfArea(area) ?? 'Asia/Jakarta'

export interface KecamatanLaporan {
  kecamatan: string
  month: string
  record?: LaporanRecord
  contents: LaporanContents
}

export const readKecamatanLaporan = async (kecamatan: string, month: string): Promise<KecamatanLaporan> => {
  const kabupaten = kabupatenOf(kecamatan) ?? kecamatan
  const bounds = monthBounds(month, zoneOf(kecamatan))
  const [record, cases, batches, activities, ppksFound] = await Promise.all([
    getLaporan(kecamatan, month),
    listCasesFiled(kabupaten, bounds.from, bounds.to),
    listBatches(kabupaten, kecamatan),
    activitiesOfMonth(kabupaten, month, kecamatan),
    countPpksFound(kecamatan, bounds),
  ])
  const contents = laporanContents(
    { cases: cases.filter((c) => c.kecamatan === kecamatan), batches, activities, ppksFound },
    bounds,
  )
  return { kecamatan, month, ...(record ? { record } : {}), contents }
}

export interface KabupatenSubmissions {
  kabupaten: string
  month: string
  rows: SubmissionRow[]
  rates: SubmissionRates
}

export const readSubmissions = async (
  kabupaten: string,
  month: string,
  now: Date,
): Promise<KabupatenSubmissions> => {
  const kecamatanCodes = loadAreaIndex()
    .children(kabupaten)
    .map((k) => k.code)
  const [records, deadline] = await Promise.all([
    laporansOfMonth(kabupaten, month),
    deadlineOf(kabupaten, month),
  ])
  const rows = submissionRows(kecamatanCodes, records, () => deadline.dueAt, now)
  return { kabupaten, month, rows, rates: submissionRates(rows) }
}

export interface ProvinceRow {
  kabupaten: string
  cases: { filed: number; byStage: LaporanContents['cases']['byStage'] }
  verval: { batches: number; rows: number }
  /** PPKS found in the month across the kabupaten; null while no PPKS register answers. */
  ppksFound: number
  submissions: SubmissionRates
}

const provinceRow = async (kabupaten: string, month: string, now: Date): Promise<ProvinceRow> => {
  const bounds = monthBounds(month, zoneOf(kabupaten))
  const [cases, batches, submissions, ppks] = await Promise.all([
    listCasesFiled(kabupaten, bounds.from, bounds.to),
    listBatches(kabupaten),
    readSubmissions(kabupaten, month, now),
    countPpksFound(kabupaten, bounds),
  ])
  const contents = laporanContents({ cases, batches, activities: [], ppksFound: ppks }, bounds)
  return {
    kabupaten,
    cases: { filed: contents.cases.filed, byStage: contents.cases.byStage },
    verval: { batches: contents.verval.batches, rows: contents.verval.rows },
    ppksFound: ppks,
    submissions: submissions.rates,
  }
}

/** One row per kabupaten/kota of the province, in code order. Reads them a few at a time. */
export const readProvinceRollUp = async (
  province: string,
  month: string,
  now: Date,
): Promise<ProvinceRow[]> => {
  const kabupatenCodes = loadAreaIndex()
    .children(province)
    .map((k) => k.code)
  const rows: ProvinceRow[] = []
  const AT_ONCE = 4
  for (let i = 0; i < kabupatenCodes.length; i += AT_ONCE)
    rows.push(
      ...(await Promise.all(kabupatenCodes.slice(i, i + AT_ONCE).map((k) => provinceRow(k, month, now)))),
    )
  return rows
}
