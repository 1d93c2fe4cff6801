import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { periodProblem } from '../../../../functions/core/verval/period'

const WIB = 'Asia/Jakarta'
const WIT = 'Asia/Jayapura'

describe('the verval period', () => {
  const midMarch = new Date('2026-03-15T05:00:00Z')

  it('the current and the previous month are accepted', () => {
    expect(periodProblem('2026-03', midMarch, WIB)).toBeUndefined()
    expect(periodProblem('2026-02', midMarch, WIB)).toBeUndefined()
  })

  it('a month in the future is refused as future, an older one as too old', () => {
    expect(periodProblem('2026-04', midMarch, WIB)).toBe('FUTURE')
    expect(periodProblem('2026-01', midMarch, WIB)).toBe('TOO_OLD')
  })

  it('January accepts the December of the year before', () => {
    expect(periodProblem('2025-12', new Date('2026-01-10T00:00:00Z'), WIB)).toBeUndefined()
  })

  it.each(['2026-3', '2026-13', '26-03', '2026/03', ''])('%j is not a period', (period) => {
    expect(periodProblem(period, midMarch, WIB)).toBe('FORMAT')
  })

  it('the month turns at midnight of the area: already April in Jayapura, still March in Jakarta', () => {
    const at = new Date('2026-03-31T16:30:00Z') // 01:30 WIT on 1 April, 23:30 WIB on 31 March
    expect(periodProblem('2026-04', at, WIT)).toBeUndefined()
    expect(periodProblem('2026-04', at, WIB)).toBe('FUTURE')
  })

  it('exactly two periods are accepted at any instant', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2001-01-01'), max: new Date('2098-12-01'), noInvalidDate: true }),
        (at) => {
          const year = at.getUTCFullYear()
          const candidates = [year - 1, year, year + 1].flatMap((y) =>
            Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}`),
          )
          expect(candidates.filter((p) => periodProblem(p, at, WIB) === undefined)).toHaveLength(2)
        },
      ),
    )
  })
})
