import { describe, expect, it } from 'vitest'
import { dashboardFigures } from '../../../../functions/core/reports/dashboard-figures'
import { dashboardCsv, monthlyReportCsv } from '../../../../functions/core/reports/report-csv'
import { rollUp } from '../../../../functions/core/reports/monthly-report'
import { monthBounds } from '../../../../functions/core/reports/report-month'
import { aCase } from './fixtures'

const march = monthBounds('2026-03', 'Asia/Jakarta')
const REPORTER = { name: 'Ujang', relation: 'RT_RW', phone: '081298765432' } as const

const CASES = [
  aCase({ createdAt: '2026-03-02T03:00:00Z' }),
  aCase({
    createdAt: '2026-03-03T03:00:00Z',
    filer: { kind: 'REPORTER', reporter: REPORTER },
    identityStatus: 'NO_NIK',
  }),
  aCase({
    createdAt: '2026-03-04T03:00:00Z',
    kecamatan: '32.01.15',
    filer: { kind: 'TKSK', staffId: 'tksk.ciampea', name: 'TKSK Ciampea' },
  }),
  // A complaint of the bansos page (ADR 0036): its kind is on the case.
  { ...aCase({ createdAt: '2026-03-05T03:00:00Z' }), kind: 'PENGADUAN' as const },
  // Filed in February: not counted in March.
  aCase({ createdAt: '2026-02-27T03:00:00Z', identityStatus: 'NO_NIK' }),
]

describe('cases per kind in the reports', () => {
  it('the laporan counts the month’s cases per kind, filer and without NIK, per kecamatan and in total', () => {
    const { rows, total } = rollUp(['32.01.14', '32.01.15'], CASES, [], march)
    expect(rows[0]?.figures.kinds).toEqual({
      byKind: { LAYANAN: 2, PENGADUAN: 1, USUL: 0, SANGGAH: 0 },
      byFiler: { SELF: 2, REPORTER: 1, TKSK: 0 },
      withoutNik: 1,
    })
    expect(total.kinds).toEqual({
      byKind: { LAYANAN: 3, PENGADUAN: 1, USUL: 0, SANGGAH: 0 },
      byFiler: { SELF: 2, REPORTER: 1, TKSK: 1 },
      withoutNik: 1,
    })
    const csv = monthlyReportCsv({ month: '2026-03', rows: [], total })
    const [header, totalRow] = csv.slice(1).split('\r\n')
    const headers = header?.split(',') ?? []
    const cells = totalRow?.split(',') ?? []
    expect(cells[headers.indexOf('Pengaju: Dicatat TKSK di lapangan')]).toBe('1')
    expect(cells[headers.indexOf('Jenis: Pengaduan bansos')]).toBe('1')
    expect(cells[headers.indexOf('Tanpa NIK (rujukan adminduk)')]).toBe('1')
  })

  it('the dashboard and its CSV name each kind and filer with its count', () => {
    const figures = dashboardFigures({
      cases: CASES,
      openTasks: [],
      batches: [],
      bounds: march,
      now: new Date('2026-03-31T00:00:00Z'),
    })
    expect(Object.fromEntries(figures.byKindAndFiler.map((c) => [c.key, c.count]))).toMatchObject({
      LAYANAN: 3,
      PENGADUAN: 1,
      FILER_REPORTER: 1,
      FILER_TKSK: 1,
      NO_NIK: 1,
    })
    const csv = dashboardCsv(figures, { code: '32.01', name: 'Kabupaten Bogor' }, (code) => code)
    expect(csv).toContain('Kasus per jenis dan pengaju,Pengaju: Dilaporkan orang lain,FILER_REPORTER,1')
  })
})
