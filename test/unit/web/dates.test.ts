import { describe, expect, it } from 'vitest'
import { formatShort } from '../../../functions/web/dates'

describe('an instant in the tables of the staff pages', () => {
  it('is told briefly in the zone of its area, named like everywhere else', () => {
    expect(formatShort('2026-01-12T07:05:00.000Z', '73.71')).toBe('12 Jan 2026, 15.05 WITA')
  })

  it('falls back to WIB for an unknown area and shows a value that is no date as it is', () => {
    expect(formatShort('2026-01-12T07:05:00.000Z', undefined)).toBe('12 Jan 2026, 14.05 WIB')
    expect(formatShort('2026-01-12T07:05:00.000Z', '99')).toBe('12 Jan 2026, 14.05 WIB')
    expect(formatShort('bukan tanggal', '32.01')).toBe('bukan tanggal')
  })
})
