import { describe, expect, it } from 'vitest'
import type { ActivityRecord } from '../../../../functions/core/activities/activity-record'
import { laporanContents } from '../../../../functions/core/laporan/laporan-contents'
import { monthBounds } from '../../../../functions/core/reports/report-month'
import { aBatch, aCase } from '../reports/fixtures'

const MARCH = monthBounds('2026-03', 'Asia/Jakarta')

const activity = (date: string, kind: ActivityRecord['kind'], reached: number): ActivityRecord => ({
  activityId: `a-${date}-${kind}`,
  kind,
  date,
  desa: '32.01.14.2001',
  kecamatan: '32.01.14',
  kabupaten: '32.01',
  reached,
  notes: '',
  loggedBy: 'tksk.leuwiliang',
  createdAt: `${date}T03:00:00.000Z`,
})

describe('what a laporan bulanan reports', () => {
  it('counts the cases filed in the month by stage and category, on the area’s calendar', () => {
    const contents = laporanContents(
      {
        cases: [
          aCase({
            createdAt: '2026-03-02T03:00:00.000Z',
            status: 'ASSESSMENT',
            category: 'LANSIA_TERLANTAR',
          }),
          aCase({ createdAt: '2026-03-31T16:30:00.000Z', status: 'CLOSED' }), // 23:30 WIB, 31 March
          aCase({ createdAt: '2026-03-31T17:30:00.000Z' }), // 00:30 WIB, 1 April
          aCase({ createdAt: '2026-02-27T03:00:00.000Z' }),
        ],
        batches: [],
        activities: [],
        ppksFound: 0,
      },
      MARCH,
    )
    expect(contents.cases.filed).toBe(2)
    expect(contents.cases.byStage).toMatchObject({ ASSESSMENT: 1, CLOSED: 1, IDENTIFICATION: 0 })
    expect(contents.cases.byCategory).toEqual({ LANSIA_TERLANTAR: 1, FAKIR_MISKIN: 1 })
  })

  it('counts the verval batches of the period and the kegiatan of the month with the people reached', () => {
    const contents = laporanContents(
      {
        cases: [],
        batches: [aBatch({ rows: 120 }), aBatch({ program: 'PKH', rows: 30 }), aBatch({ period: '2026-02' })],
        activities: [
          activity('2026-03-04', 'KUNJUNGAN', 3),
          activity('2026-03-20', 'SOSIALISASI', 40),
          activity('2026-04-01', 'KUNJUNGAN', 5),
        ],
        ppksFound: 7,
      },
      MARCH,
    )
    expect(contents.verval).toEqual({ batches: 2, rows: 150, byProgram: { BPNT: 1, PKH: 1 } })
    expect(contents.kegiatan).toMatchObject({ total: 2, reached: 43 })
    expect(contents.kegiatan.byKind).toMatchObject({ KUNJUNGAN: 1, SOSIALISASI: 1, KOORDINASI: 0 })
    expect(contents.ppksFound).toBe(7)
  })
})
