import { describe, expect, it } from 'vitest'
import { CASE_STATUSES } from '../../../../functions/core/catalog/case-statuses'
import { canTransition } from '../../../../functions/core/case/case-transitions'

describe('case transitions', () => {
  it.each([
    ['IDENTIFICATION', 'ASSESSMENT'],
    ['ASSESSMENT', 'RECOMMENDATION'],
    ['RECOMMENDATION', 'ASSESSMENT'],
    ['RECOMMENDATION', 'REFERRAL'],
    ['REFERRAL', 'CLOSED'],
  ] as const)('a case may go from %s to %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true)
  })

  it('every open case may be closed, and a closed case leaves CLOSED only for another service', () => {
    for (const status of CASE_STATUSES.filter((s) => s !== 'CLOSED'))
      expect(canTransition(status, 'CLOSED')).toBe(true)
    // The TKSK's follow-up after a result reopens the case in RECOMMENDATION (ADR 0037).
    for (const status of CASE_STATUSES)
      expect(canTransition('CLOSED', status)).toBe(status === 'RECOMMENDATION')
  })

  it('a referral never goes back to assessment, and identification never skips assessment', () => {
    expect(canTransition('REFERRAL', 'ASSESSMENT')).toBe(false)
    expect(canTransition('IDENTIFICATION', 'RECOMMENDATION')).toBe(false)
  })
})
