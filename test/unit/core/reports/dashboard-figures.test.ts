import { describe, expect, it } from 'vitest'
import { dashboardFigures } from '../../../../functions/core/reports/dashboard-figures'
import { monthBounds } from '../../../../functions/core/reports/report-month'
import { aBatch, aCase, aClosedCase, aTask } from './fixtures'

const march = monthBounds('2026-03', 'Asia/Jakarta')
const now = new Date('2026-03-20T03:00:00Z')

describe('the dashboard of a month', () => {
  const figures = dashboardFigures({
    cases: [
      aCase({ createdAt: '2026-03-02T03:00:00Z', status: 'ASSESSMENT', category: 'LANSIA_TERLANTAR' }),
      aCase({ createdAt: '2026-03-03T03:00:00Z', status: 'ASSESSMENT', kecamatan: '32.01.15' }),
      // Filed at 23:30 WIB on 31 March (16:30 UTC): the last minutes of March.
      aCase({ createdAt: '2026-03-31T16:30:00Z', status: 'IDENTIFICATION' }),
      // Filed at 00:30 WIB on 1 March (17:30 UTC on 28 February): March too.
      aCase({ createdAt: '2026-02-28T17:30:00Z', status: 'RECOMMENDATION' }),
      // Filed in February, its stages end in March: counts in the medians, not in the filings.
      aClosedCase({
        filed: '2026-02-20T03:00:00Z',
        recommended: '2026-03-02T03:00:00Z',
        referred: '2026-03-04T03:00:00Z',
        closed: '2026-03-10T03:00:00Z',
      }),
      aClosedCase({
        filed: '2026-03-01T03:00:00Z',
        recommended: '2026-03-03T03:00:00Z',
        referred: '2026-03-05T03:00:00Z',
        closed: '2026-04-02T03:00:00Z',
      }),
    ],
    openTasks: [
      aTask({ kind: 'ASSESSMENT', dueAt: '2026-03-17T16:59:59.999Z' }),
      aTask({ dueAt: '2026-03-25T16:59:59.999Z' }),
      aTask({
        kind: 'PROVIDER_CHOICE',
        createdAt: '2026-03-19T03:00:00Z',
        dueAt: '2026-03-24T16:59:59.999Z',
      }),
      aTask({ kind: 'PROVIDER_CHOICE', status: 'DECIDED', dueAt: '2026-03-24T16:59:59.999Z' }),
    ],
    batches: [
      aBatch({ status: 'APPLIED' }),
      aBatch({ status: 'AWAITING_APPROVAL' }),
      aBatch({ status: 'INVALID', kecamatan: '32.01.15' }),
      aBatch({ period: '2026-02' }),
    ],
    bounds: march,
    now,
  })

  it('counts the cases filed in the month by status, category and kecamatan', () => {
    expect(figures.filed).toBe(5)
    expect(Object.fromEntries(figures.byStatus.map((c) => [c.key, c.count]))).toEqual({
      IDENTIFICATION: 1,
      ASSESSMENT: 2,
      RECOMMENDATION: 1,
      REFERRAL: 0,
      CLOSED: 1,
    })
    expect(figures.byCategory).toEqual([
      { key: 'FAKIR_MISKIN', label: 'Fakir Miskin', count: 4 },
      { key: 'LANSIA_TERLANTAR', label: 'Lanjut Usia Terlantar', count: 1 },
    ])
    expect(figures.byKecamatan.map((c) => [c.key, c.count])).toEqual([
      ['32.01.14', 4],
      ['32.01.15', 1],
    ])
  })

  it('takes the median of each stage that ended in the month', () => {
    expect(figures.stageMedians.map((s) => [s.stage, s.medianDays, s.cases])).toEqual([
      ['assessment', 6, 2], // 10 and 2 days
      ['approval', 2, 2],
      ['closing', 6, 1], // the other one closed in April
    ])
  })

  it('lists the open tasks past their due date now', () => {
    expect(figures.overdueTasks.map((t) => [t.kind, t.daysOverdue])).toEqual([['ASSESSMENT', 2]])
  })

  it('counts the cases waiting now for Dinsos to choose a provider, overdue or not', () => {
    expect(figures.awaitingProvider.map((t) => [t.kecamatan, t.since])).toEqual([
      ['32.01.14', '2026-03-19T03:00:00Z'],
    ])
  })

  it('counts the month’s verval batches per kecamatan and status', () => {
    expect(
      figures.verval.map((v) => [
        v.kecamatan,
        v.counts.APPLIED,
        v.counts.AWAITING_APPROVAL,
        v.counts.INVALID,
        v.total,
      ]),
    ).toEqual([
      ['32.01.14', 1, 1, 0, 2],
      ['32.01.15', 0, 0, 1, 1],
    ])
  })
})
