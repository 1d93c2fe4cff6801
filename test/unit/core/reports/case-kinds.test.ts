import { describe, expect, it } from 'vitest'
import { dashboardFigures } from '../../../../functions/core/reports/dashboard-figures'
import { rollUp } from '../../../../functions/core/reports/monthly-report'
import { dashboardCsv } from '../../../../functions/core/reports/report-csv'
import { KIND_COLUMNS } from '../../../../functions/core/reports/report-columns'
import { monthBounds } from '../../../../functions/core/reports/report-month'
import { aCase } from './fixtures'

const march = monthBounds('2026-03', 'Asia/Jakarta')
const cases = [
  aCase({ createdAt: '2026-03-02T03:00:00Z' }),
  aCase({ createdAt: '2026-03-03T03:00:00Z', kind: 'PENGADUAN' }),
  aCase({ createdAt: '2026-03-04T03:00:00Z', kind: 'PENGADUAN', kecamatan: '32.01.15' }),
  aCase({ createdAt: '2026-03-05T03:00:00Z', kind: 'USUL' }),
  aCase({ createdAt: '2026-03-06T03:00:00Z', kind: 'SANGGAH' }),
  // Filed in February: not this month's.
  aCase({ createdAt: '2026-02-10T03:00:00Z', kind: 'SANGGAH' }),
]

describe('complaints, proposals and objections in the reports (ADR 0036)', () => {
  it('the dashboard counts the month’s cases by kind, every kind listed, an old case as a service request', () => {
    const figures = dashboardFigures({
      cases,
      openTasks: [],
      batches: [],
      bounds: march,
      now: new Date('2026-03-31T00:00:00Z'),
    })
    expect(figures.byKind.map((c) => [c.key, c.count])).toEqual([
      ['LAYANAN', 1],
      ['PENGADUAN', 2],
      ['USUL', 1],
      ['SANGGAH', 1],
    ])
    const csv = dashboardCsv(figures, { code: '32.01', name: 'Kab. Bogor' }, (code) => code)
    expect(csv).toContain('Kasus per jenis,Pengaduan bansos,PENGADUAN,2')
    expect(csv).toContain('Kasus per jenis,Sanggahan penerima bansos,SANGGAH,1')
  })

  it('the laporan has a column per kind, per kecamatan and in the total', () => {
    const report = rollUp(['32.01.14', '32.01.15'], cases, [], march)
    const complaints = KIND_COLUMNS.find((c) => c.header === 'Masuk: Pengaduan bansos')
    expect(complaints).toBeDefined()
    expect(report.rows.map((row) => complaints?.value(row.figures))).toEqual([1, 1])
    expect(complaints?.value(report.total)).toBe(2)
    expect(report.total.filedByKind).toEqual({ LAYANAN: 1, PENGADUAN: 2, USUL: 1, SANGGAH: 1 })
  })
})
