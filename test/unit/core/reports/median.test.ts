import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { median } from '../../../../functions/core/reports/median'

describe('the median', () => {
  it('is the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([7])).toBe(7)
  })

  it('does not exist for no values', () => {
    expect(median([])).toBeUndefined()
  })

  it('lies between the smallest and largest value and ignores order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1 }), (values) => {
        const m = median(values) as number
        expect(m).toBeGreaterThanOrEqual(Math.min(...values))
        expect(m).toBeLessThanOrEqual(Math.max(...values))
        expect(median([...values].reverse())).toBe(m)
      }),
    )
  })
})
