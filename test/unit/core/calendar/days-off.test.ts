import { describe, expect, it } from 'vitest'
import {
  BUILT_IN_DAYS_OFF,
  daysOffSchema,
  yearsToBeListed,
} from '../../../../functions/core/calendar/days-off'
import { CUTI_BERSAMA_2026 } from '../../../../functions/core/calendar/indonesian-holidays'

describe('the days off of a year', () => {
  it('seeds 2026 with the SKB cuti bersama, each with a label', () => {
    expect(BUILT_IN_DAYS_OFF[2026]?.map((d) => d.date)).toEqual(CUTI_BERSAMA_2026)
    expect(BUILT_IN_DAYS_OFF[2026]?.every((d) => d.label.startsWith('Cuti bersama'))).toBe(true)
  })

  it('keeps a list sorted by date', () => {
    const parsed = daysOffSchema(2027).parse({
      daysOff: [
        { date: '2027-03-10', label: 'Idul Fitri' },
        { date: '2027-01-02', label: 'Tahun Baru' },
      ],
    })
    expect(parsed.daysOff.map((d) => d.date)).toEqual(['2027-01-02', '2027-03-10'])
  })

  it('refuses a date of another year, an impossible date and a repeated date, each at its index', () => {
    const result = daysOffSchema(2027).safeParse({
      daysOff: [
        { date: '2026-12-31', label: 'Salah' },
        { date: '2027-02-30', label: 'Tidak ada' },
        { date: '2027-13-01', label: 'Bulan ke-13' },
        { date: '2027-01-02', label: 'Satu' },
        { date: '2027-01-02', label: 'Dua' },
      ],
    })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'daysOff.0.date',
      'daysOff.1.date',
      'daysOff.2.date',
      'daysOff.4.date',
    ])
  })
})

describe('the years whose list of days off the dashboard asks for', () => {
  it('asks for this year all year: from 1 January its due dates are being counted', () => {
    expect(yearsToBeListed('2027-01-01')).toEqual([2027])
    expect(yearsToBeListed('2027-09-30')).toEqual([2027])
  })

  it('asks for next year too from 1 October', () => {
    expect(yearsToBeListed('2026-10-01')).toEqual([2026, 2027])
    expect(yearsToBeListed('2026-12-31')).toEqual([2026, 2027])
  })
})
