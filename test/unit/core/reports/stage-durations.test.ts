import { describe, expect, it } from 'vitest'
import { stageSpans } from '../../../../functions/core/reports/stage-durations'
import { aCase, aClosedCase } from './fixtures'

describe('the stages of a case, from its history', () => {
  it('measure assessment, approval and closing of a case that went all the way', () => {
    const record = aClosedCase({
      filed: '2026-03-01T00:00:00Z',
      recommended: '2026-03-03T12:00:00Z',
      referred: '2026-03-05T12:00:00Z',
      closed: '2026-03-15T12:00:00Z',
    })
    expect(stageSpans(record).map((s) => [s.stage, s.days])).toEqual([
      ['assessment', 2.5],
      ['approval', 2],
      ['closing', 10],
    ])
  })

  it('end the assessment of a case found not eligible at its closing', () => {
    const record = aCase({
      createdAt: '2026-03-01T00:00:00Z',
      status: 'CLOSED',
      outcome: 'NOT_ELIGIBLE',
      history: [
        { status: 'IDENTIFICATION', at: '2026-03-01T00:00:00Z' },
        { status: 'ASSESSMENT', at: '2026-03-01T00:00:00Z' },
        { status: 'CLOSED', at: '2026-03-04T00:00:00Z' },
      ],
    })
    expect(stageSpans(record).map((s) => [s.stage, s.days])).toEqual([['assessment', 3]])
  })

  it('count a REVISE round trip in the approval stage', () => {
    const record = aCase({
      createdAt: '2026-03-01T00:00:00Z',
      status: 'REFERRAL',
      history: [
        { status: 'IDENTIFICATION', at: '2026-03-01T00:00:00Z' },
        { status: 'ASSESSMENT', at: '2026-03-01T00:00:00Z' },
        { status: 'RECOMMENDATION', at: '2026-03-02T00:00:00Z' },
        { status: 'ASSESSMENT', at: '2026-03-03T00:00:00Z' },
        { status: 'RECOMMENDATION', at: '2026-03-04T00:00:00Z' },
        { status: 'REFERRAL', at: '2026-03-06T00:00:00Z' },
      ],
    })
    expect(stageSpans(record).map((s) => [s.stage, s.days])).toEqual([
      ['assessment', 1],
      ['approval', 4],
    ])
  })

  it('give a case still waiting for its assessment no duration', () => {
    expect(stageSpans(aCase({ status: 'ASSESSMENT' }))).toEqual([])
  })
})
