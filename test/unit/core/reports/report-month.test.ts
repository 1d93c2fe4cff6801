import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  isWithinMonth,
  monthBounds,
  monthOf,
  reportMonthSchema,
} from '../../../../functions/core/reports/report-month'

const ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const

describe('the month of a report', () => {
  it('starts and ends at local midnight of the area: WIB, WITA and WIT', () => {
    expect(monthBounds('2026-02', 'Asia/Jakarta')).toMatchObject({
      from: new Date('2026-01-31T17:00:00.000Z'),
      to: new Date('2026-02-28T16:59:59.999Z'),
    })
    expect(monthBounds('2026-02', 'Asia/Makassar').from).toEqual(new Date('2026-01-31T16:00:00.000Z'))
    expect(monthBounds('2026-02', 'Asia/Jayapura').to).toEqual(new Date('2026-02-28T14:59:59.999Z'))
  })

  it('knows leap years and December', () => {
    expect(monthBounds('2028-02', 'Asia/Jakarta').to).toEqual(new Date('2028-02-29T16:59:59.999Z'))
    expect(monthBounds('2026-12', 'Asia/Jakarta').to).toEqual(new Date('2026-12-31T16:59:59.999Z'))
  })

  it('counts a case filed at 23:30 WIB on 31 January in January, though it is 16:30 UTC', () => {
    const filed = '2026-01-31T16:30:00.000Z'
    expect(monthOf(new Date(filed), 'Asia/Jakarta')).toBe('2026-01')
    expect(isWithinMonth(filed, monthBounds('2026-01', 'Asia/Jakarta'))).toBe(true)
    // The same instant is already 1 February in Makassar (00:30 WITA).
    expect(isWithinMonth(filed, monthBounds('2026-02', 'Asia/Makassar'))).toBe(true)
  })

  it('puts every instant in exactly the month its zone shows', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2035-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...ZONES),
        (instant, zone) => {
          const month = monthOf(instant, zone)
          const [year, mm] = month.split('-').map(Number) as [number, number]
          const previous = `${mm === 1 ? year - 1 : year}-${String(mm === 1 ? 12 : mm - 1).padStart(2, '0')}`
          const iso = instant.toISOString()
          expect(isWithinMonth(iso, monthBounds(month, zone))).toBe(true)
          expect(isWithinMonth(iso, monthBounds(previous, zone))).toBe(false)
        },
      ),
    )
  })

  it('accepts only YYYY-MM with a real month', () => {
    expect(reportMonthSchema.safeParse('2026-01').success).toBe(true)
    for (const bad of ['2026-13', '2026-1', '26-01', '2026-00', '2026-01-01'])
      expect(reportMonthSchema.safeParse(bad).success).toBe(false)
  })
})
