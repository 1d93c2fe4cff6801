import { describe, expect, it } from 'vitest'
import type { User } from '../../../functions/core/identity/user'
import { dashboardPage, type DashboardModel } from '../../../functions/web/dashboard-page'

const pageWith = (calendarNotice: DashboardModel['calendarNotice']): string =>
  String(
    dashboardPage(
      {
        user: { id: 'u1', username: 'rina', role: 'dinsos', area: '32.01', email: 'r@example.org' } as User,
        csrf: '',
      },
      {
        filter: { action: '/staff/dashboard', areaFree: false, areaHint: '', values: {}, errors: [] },
        areaName: (code) => code,
        calendarNotice,
      },
    ).body,
  )

/** Each `<p class="notice">` of the page: its role and its text. */
const noticesOf = (page: string) =>
  [...page.matchAll(/<p class="notice" role="([^"]+)">(.*?)<\/p>/gs)].map(([, role, text]) => ({
    role,
    text: text ?? '',
  }))

const YEARS = [
  { year: 2027, current: true },
  { year: 2028, current: false },
]

describe('the dashboard notice of a year without its list of cuti bersama', () => {
  it('says this year first and next year after, both as status (an alert is read out on every load)', () => {
    const [thisYear, nextYear, ...rest] = noticesOf(pageWith({ years: YEARS, editable: true }))
    expect(rest).toEqual([])
    expect(thisYear?.role).toBe('status')
    expect(thisYear?.text).toContain('<strong>Daftar cuti bersama 2027 belum ditetapkan</strong>')
    expect(thisYear?.text).toContain('tahun ini')
    expect(nextYear?.role).toBe('status')
    expect(nextYear?.text).toContain('Daftar cuti bersama 2028 belum ditetapkan')
    expect(nextYear?.text).not.toContain('<strong>')
  })

  it('links an admin to each year of the calendar', () => {
    const [thisYear, nextYear] = noticesOf(pageWith({ years: YEARS, editable: true }))
    expect(thisYear?.text).toContain('<a href="/staff/admin/kalender?tahun=2027">Isi kalender 2027</a>')
    expect(nextYear?.text).toContain('<a href="/staff/admin/kalender?tahun=2028">Isi kalender 2028</a>')
    expect(thisYear?.text).not.toContain('Minta administrator')
  })

  it('asks anyone else to have an administrator fill it in, without a link', () => {
    const notices = noticesOf(pageWith({ years: YEARS, editable: false }))
    expect(notices).toHaveLength(2)
    for (const notice of notices) {
      expect(notice.text).toContain('Minta administrator mengisinya.')
      expect(notice.text).not.toContain('<a ')
    }
  })

  it('shows no notice when every year has its list', () => {
    expect(noticesOf(pageWith(undefined))).toEqual([])
  })
})
