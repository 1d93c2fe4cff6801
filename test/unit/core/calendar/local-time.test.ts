import { describe, expect, it } from 'vitest'
import { formatLocalTime } from '../../../../functions/core/calendar/local-time'

describe('a due date as people read it', () => {
  it('is told in the zone of the case area, named WIB, WITA or WIT', () => {
    const dueAt = '2026-01-12T15:59:00.000Z'
    expect(formatLocalTime(dueAt, '32.01')).toBe('Senin, 12 Januari 2026 pukul 22.59 WIB')
    expect(formatLocalTime(dueAt, '73.71')).toBe('Senin, 12 Januari 2026 pukul 23.59 WITA')
    expect(formatLocalTime(dueAt, '94.71')).toBe('Selasa, 13 Januari 2026 pukul 00.59 WIT')
  })

  it('is told briefly in tables, in the same zone and with the same name', () => {
    const at = '2026-01-12T07:05:00.000Z'
    expect(formatLocalTime(at, '32.01', 'short')).toBe('12 Jan 2026, 14.05 WIB')
    expect(formatLocalTime(at, '94.71', 'short')).toBe('12 Jan 2026, 16.05 WIT')
    expect(formatLocalTime(at, '73.71', 'short')).toBe('12 Jan 2026, 15.05 WITA')
  })

  it('refuses an area with no known zone rather than guessing one', () => {
    expect(() => formatLocalTime('2026-01-12T15:59:00.000Z', '99')).toThrow(RangeError)
  })
})
