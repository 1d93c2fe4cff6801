import { describe, expect, it } from 'vitest'
import type { User } from '../../../functions/core/identity/user'
import { staffHeader } from '../../../functions/web/staff-layout'

const menuOf = (role: User['role'], area: string): string =>
  staffHeader({
    user: { id: 'u1', username: 'budi', role, area, email: 'b@example.org' } as User,
    csrf: '',
  }).value

describe('the report entries of the staff menu', () => {
  it('give the province its roll-up under "Laporan bulanan" and not the kabupaten figures it cannot open', () => {
    const menu = menuOf('dinsos_provinsi', '32')
    expect(menu).toContain('href="/staff/laporan-bulanan"')
    expect(menu).not.toContain('href="/staff/laporan"')
  })

  it('give the TKSK and Dinsos both the figures and the laporan bulanan', () => {
    for (const [role, area] of [
      ['tksk', '32.01.14'],
      ['dinsos', '32.01'],
    ] as const) {
      const menu = menuOf(role, area)
      expect(menu).toContain('href="/staff/laporan"')
      expect(menu).toContain('href="/staff/laporan-bulanan"')
    }
  })
})
