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

  it('every open case may be closed, and nothing leaves CLOSED', () => {
    for (const status of CASE_STATUSES.filter((s) => s !== 'CLOSED'))
      expect(canTransition(status, 'CLOSED')).toBe(true)
    for (const status of CASE_STATUSES) expect(canTransition('CLOSED', status)).toBe(false)
  })

  it('a referral never goes back to assessment, and identification never skips assessment', () => {
    expect(canTransition('REFERRAL', 'ASSESSMENT')).toBe(false)
    expect(canTransition('IDENTIFICATION', 'RECOMMENDATION')).toBe(false)
  })
})
