import { describe, expect, it } from 'vitest'
import { laporanDeadline } from '../../../../functions/core/laporan/laporan-deadline'

const WIB = 'Asia/Jakarta'
const noHolidays = { timeZone: WIB, holidays: { isHoliday: () => false } }
const holidays = (...dates: string[]) => ({
  timeZone: WIB,
  holidays: { isHoliday: (d: string) => dates.includes(d) },
})

describe('the due date of a laporan bulanan', () => {
  it('is the end of the 5th hari kerja of the next month, reminded at the end of the 4th', () => {
    // December 2026 starts on a Tuesday: 1, 2, 3, 4 (Fri), 7 (Mon).
    expect(laporanDeadline('2026-11', noHolidays)).toEqual({
      remindAt: '2026-12-04T16:59:59.999Z',
      dueAt: '2026-12-07T16:59:59.999Z',
    })
  })

  it('counts the 1st when it is a working day and skips weekends at the start of the month', () => {
    // March 2027 starts on a Monday: 1–5; August 2026 starts on a Saturday: 3–7.
    expect(laporanDeadline('2027-02', noHolidays).dueAt).toBe('2027-03-05T16:59:59.999Z')
    expect(laporanDeadline('2026-07', noHolidays).dueAt).toBe('2026-08-07T16:59:59.999Z')
  })

  it('skips national holidays and cuti bersama', () => {
    // 1 January 2027 (Friday) is a holiday: 4, 5, 6, 7, 8; with 6 January off too: 11.
    expect(laporanDeadline('2026-12', holidays('2027-01-01')).dueAt).toBe('2027-01-08T16:59:59.999Z')
    expect(laporanDeadline('2026-12', holidays('2027-01-01', '2027-01-06'))).toEqual({
      remindAt: '2027-01-08T16:59:59.999Z',
      dueAt: '2027-01-11T16:59:59.999Z',
    })
  })

  it('is read on the wall clock of the area: WIT ends the day two hours before WIB', () => {
    expect(laporanDeadline('2026-11', { ...noHolidays, timeZone: 'Asia/Jayapura' }).dueAt).toBe(
      '2026-12-07T14:59:59.999Z',
    )
  })
})
