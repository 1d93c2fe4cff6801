/**
 * Opens the laporan of a kecamatan and month (issue 16 item 5, ADR 0039): a DRAFT with an
 * empty narrative, due at the end of the 5th hari kerja of the next month, audited
 * LAPORAN_OPENED, and its deadline workflow started. Opening an open report answers it
 * as it is (and retries a start that was owed). A month that has not begun cannot be
 * reported on; nor can one before the previous month: its reminder and due date have
 * passed, so the workflow it starts would escalate to Dinsos at once.
 */
import { kabupatenOf } from '../../core/areas/area-code'
import { timeZoneOfArea } from '../../core/areas/time-zones'
import { laporanDeadline, laporanDueMonthStart, previousMonth } from '../../core/laporan/laporan-deadline'
import { laporanIdOf, type LaporanRecord } from '../../core/laporan/laporan-record'
import { monthOf } from '../../core/reports/report-month'
import { loadAreaIndex } from '../../data/area-source'
import { getLaporan, LaporanWriteRefused, writeLaporan } from '../../data/laporan-repository'
import { ForbiddenError, ValidationError } from '../../shared/errors'
import { calendarFor } from '../case/calendar'
import type { LaporanActor } from './laporan-actor'
import { ensureLaporanWorkflowStarted } from './laporan-workflow'

export interface OpenedLaporan {
  record: LaporanRecord
  created: boolean
}

const zoneOf = (kecamatan: string): string => {
  const zone = timeZoneOfArea(kecamatan)
  if (!zone || !loadAreaIndex().isKecamatan(kecamatan))
    throw new ValidationError([{ path: 'kecamatan', message: `Kecamatan ${kecamatan} tidak dikenal.` }])
  return zone
}

/**
 * The deadline of a month's reports in an area (a kecamatan, or its kabupaten: one zone and
 * one national calendar), on the calendar of the due month's year.
 */
export const deadlineOf = async (area: string, month: string) =>
  laporanDeadline(month, await calendarFor(area, new Date(`${laporanDueMonthStart(month)}T12:00:00Z`)))

export const openLaporan = async (
  kecamatan: string,
  month: string,
  by: LaporanActor,
): Promise<OpenedLaporan> => {
  const timeZone = zoneOf(kecamatan)
  if (!by.mayWrite(kecamatan)) throw new ForbiddenError('Hanya TKSK kecamatan ini yang membuat laporannya.')
  const current = monthOf(by.now, timeZone)
  if (month > current)
    throw new ValidationError([
      { path: 'month', message: 'Laporan bulan yang belum dimulai belum dapat dibuat.' },
    ])
  if (month < previousMonth(current))
    throw new ValidationError([
      { path: 'month', message: 'Laporan hanya dapat dibuat untuk bulan ini atau bulan lalu.' },
    ])
  const existing = await getLaporan(kecamatan, month)
  if (existing) {
    await ensureLaporanWorkflowStarted(existing, by.correlationId)
    return { record: existing, created: false }
  }
  const at = by.now.toISOString()
  const record: LaporanRecord = {
    laporanId: laporanIdOf(kecamatan, month),
    kecamatan,
    kabupaten: kabupatenOf(kecamatan) ?? kecamatan,
    month,
    status: 'DRAFT',
    narrative: { masalah: '', tindakLanjut: '' },
    ...(await deadlineOf(kecamatan, month)),
    openedBy: by.actor.id,
    createdAt: at,
    updatedAt: at,
    version: 1,
  }
  try {
    await writeLaporan(undefined, record, {
      action: 'LAPORAN_OPENED',
      actor: by.actor,
      correlationId: by.correlationId,
      at: by.now,
    })
  } catch (error) {
    // Opened by a concurrent request: answer the report it made.
    if (!(error instanceof LaporanWriteRefused)) throw error
    return openLaporan(kecamatan, month, by)
  }
  await ensureLaporanWorkflowStarted(record, by.correlationId)
  return { record, created: true }
}
