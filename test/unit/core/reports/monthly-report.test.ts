import { describe, expect, it } from 'vitest'
import { kecamatanReport, rollUp } from '../../../../functions/core/reports/monthly-report'
import { monthBounds } from '../../../../functions/core/reports/report-month'
import { aBatch, aCase, aClosedCase } from './fixtures'

const march = monthBounds('2026-03', 'Asia/Jakarta')
const assessment = (at: string, visitDate: string) => ({ visitDate, eligible: true, by: 'tksk', at })

const CASES = [
  aCase({
    createdAt: '2026-03-02T03:00:00Z',
    status: 'RECOMMENDATION',
    assessment: assessment('2026-03-04T03:00:00Z', '2026-03-04'),
    history: [{ status: 'IDENTIFICATION', at: '2026-03-02T03:00:00Z' }],
  }),
  // Assessed on the last evening of February (WIB): not a March visit.
  aCase({
    createdAt: '2026-02-20T03:00:00Z',
    status: 'RECOMMENDATION',
    assessment: assessment('2026-02-28T12:00:00Z', '2026-02-28'),
  }),
  aClosedCase({
    filed: '2026-02-10T03:00:00Z',
    recommended: '2026-02-15T03:00:00Z',
    referred: '2026-03-01T03:00:00Z',
    closed: '2026-03-20T03:00:00Z',
  }),
  aCase({
    createdAt: '2026-03-05T03:00:00Z',
    status: 'CLOSED',
    outcome: 'NOT_FULFILLED',
    closedAt: '2026-03-25T03:00:00Z',
    referral: { providerId: 'p2', providerName: 'P2', acceptedAt: '2026-03-10T03:00:00Z' },
    declinedProviders: ['p1'],
    history: [{ status: 'CLOSED', at: '2026-03-25T03:00:00Z' }],
  }),
  aCase({ createdAt: '2026-03-06T03:00:00Z', kecamatan: '32.01.15' }),
]
const BATCHES = [aBatch(), aBatch({ program: 'PKH', status: 'INVALID' }), aBatch({ period: '2026-02' })]

describe('the laporan bulanan of a kecamatan', () => {
  const report = kecamatanReport('32.01.14', CASES, BATCHES, march)

  it('lists the home visits recorded in the month with their visit dates', () => {
    expect(report.visits.map((v) => [v.visitDate, v.eligible])).toEqual([['2026-03-04', true]])
    expect(report.figures.homeVisits).toBe(1)
  })

  it('counts the filed cases by stage and the closed ones by outcome', () => {
    expect(report.figures.filed).toBe(2)
    expect(report.figures.byStage).toMatchObject({ RECOMMENDATION: 1, CLOSED: 1 })
    expect(report.figures.byOutcome).toMatchObject({ FULFILLED: 1, NOT_FULFILLED: 1, REJECTED: 0 })
  })

  it('counts the referrals accepted, declined, served and not served', () => {
    expect(report.figures.referrals).toEqual({ accepted: 2, declined: 1, served: 1, notServed: 1 })
  })

  it('lists the verval batches of the month only', () => {
    expect(report.batches.map((b) => [b.program, b.status])).toEqual([
      ['BPNT', 'APPLIED'],
      ['PKH', 'INVALID'],
    ])
  })
})

describe('the kabupaten roll-up', () => {
  const result = rollUp(['32.01.14', '32.01.15', '32.01.16'], CASES, BATCHES, march)

  it('has one row per kecamatan, also the quiet ones, and a total that adds them up', () => {
    expect(result.rows.map((r) => [r.kecamatan, r.figures.filed])).toEqual([
      ['32.01.14', 2],
      ['32.01.15', 1],
      ['32.01.16', 0],
    ])
    expect(result.total.filed).toBe(3)
    expect(result.total.homeVisits).toBe(1)
    expect(result.total.byStage.IDENTIFICATION).toBe(1)
    expect(result.total.referrals.served).toBe(1)
    expect(result.total.batches).toBe(2)
  })
})
