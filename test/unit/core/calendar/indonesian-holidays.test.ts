import { describe, expect, it } from 'vitest'
import {
  CUTI_BERSAMA_2026,
  createIndonesianHolidayCalendar,
} from '../../../../functions/core/calendar/indonesian-holidays'

describe('Indonesian holiday calendar', () => {
  const calendar = createIndonesianHolidayCalendar()

  it.each([
    ['2026-01-01', 'Tahun Baru'],
    ['2026-03-19', 'Nyepi'],
    ['2026-04-03', 'Wafat Yesus Kristus'],
    ['2026-08-17', 'Hari Kemerdekaan'],
    ['2026-12-25', 'Natal'],
    ['2027-08-17', 'Hari Kemerdekaan of a later year'],
  ])('%s (%s) is a national holiday', (date) => {
    expect(calendar.isHoliday(date)).toBe(true)
  })

  it('the 2026 cuti bersama of the SKB are days off by default', () => {
    expect(CUTI_BERSAMA_2026).toHaveLength(8)
    for (const date of CUTI_BERSAMA_2026) expect(calendar.isHoliday(date)).toBe(true)
  })

  it('cuti bersama come from configuration, not from date-holidays', () => {
    const withoutCutiBersama = createIndonesianHolidayCalendar({ extraDaysOff: [] })
    expect(withoutCutiBersama.isHoliday('2026-12-24')).toBe(false)
    expect(withoutCutiBersama.isHoliday('2026-12-25')).toBe(true)
  })

  it('an ordinary Tuesday is not a holiday', () => {
    expect(calendar.isHoliday('2026-01-13')).toBe(false)
  })

  it('a malformed configured date is refused loudly', () => {
    expect(() => createIndonesianHolidayCalendar({ extraDaysOff: ['24-12-2026'] })).toThrow(/24-12-2026/)
  })
})
