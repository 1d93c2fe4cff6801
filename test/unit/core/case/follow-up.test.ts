import { describe, expect, it } from 'vitest'
import { closingResultOf, closingStepKey, isOpenFollowUp } from '../../../../functions/core/case/follow-up'

const SERVED = {
  status: 'CLOSED',
  outcome: 'FULFILLED',
  referral: { providerId: 'p', providerName: 'Puskesmas', acceptedAt: '2026-01-20T03:00:00Z' },
} as const

describe('the offer of another service after a result', () => {
  it('is made only on a case a referral’s result closed', () => {
    expect(closingResultOf(SERVED)).toBe('SERVED')
    expect(closingResultOf({ ...SERVED, outcome: 'NOT_FULFILLED', outcomeReason: 'NOT_SERVED' })).toBe(
      'NOT_SERVED',
    )
    // A deadline, a decline or a withdrawal is no result; nor is an open or anonymised case.
    expect(
      closingResultOf({ ...SERVED, outcome: 'NOT_FULFILLED', outcomeReason: 'NO_REPORT' }),
    ).toBeUndefined()
    expect(closingResultOf({ ...SERVED, outcome: 'WITHDRAWN' })).toBeUndefined()
    expect(closingResultOf({ ...SERVED, status: 'REFERRAL' })).toBeUndefined()
    expect(closingResultOf({ ...SERVED, anonymisedAt: '2031-02-01T00:00:00Z' })).toBeUndefined()
  })

  it('is decided only as the task the case holds open', () => {
    const offered = { ...SERVED, followUp: { taskId: 'T1', round: 1 } }
    expect(isOpenFollowUp(offered, 'T1')).toBe(true)
    expect(isOpenFollowUp(offered, 'T0')).toBe(false)
    expect(isOpenFollowUp(SERVED, 'T1')).toBe(false)
  })

  it('closes each service of a case under its own step key', () => {
    expect(closingStepKey({})).toBe('close')
    expect(closingStepKey({ previousReferrals: [] })).toBe('close')
    expect(closingStepKey({ previousReferrals: [{} as never] })).toBe('close#2')
  })
})
