import { describe, expect, it } from 'vitest'
import type { User } from '../../../functions/core/identity/user'
import type { PpksView } from '../../../functions/core/ppks/ppks-record'
import { ppksDetailPage } from '../../../functions/web/ppks-detail-page'

const ctx = {
  user: { id: 'u1', username: 'budi', role: 'dinsos', area: '32.01', email: 'b@example.org' } as User,
  csrf: 'token',
}

const entry = (overrides: Partial<PpksView>): PpksView => ({
  ppksId: '01JEXAMPLE0000000000000000',
  subject: 'PERSON',
  category: 'LANSIA_TERLANTAR',
  sensitive: false,
  name: 'Mbah Karsih',
  desa: '32.01.14.2001',
  kecamatan: '32.01.14',
  nik: '320114******0001',
  birthYear: 1980,
  active: true,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  ...overrides,
})

const pageOf = (view: PpksView) => ppksDetailPage(ctx, { entry: view, placeName: (code) => code }).body ?? ''
const titleIn = (page: string) => /<title>([^<]*)<\/title>/.exec(page)?.[1] ?? ''

describe('the page of one PPKS entry', () => {
  it('a sensitive entry’s title (browser history, tabs) does not name the person; the page itself does', () => {
    const page = pageOf(entry({ category: 'ODHA', sensitive: true, name: 'Rahasia Sekali' }))
    expect(titleIn(page)).not.toContain('Rahasia')
    expect(titleIn(page)).toContain('PPKS')
    expect(page).toMatch(/<dt>Nama<\/dt>\s*<dd>Rahasia Sekali<\/dd>/)
  })

  it('another entry keeps its name in the title', () => {
    expect(titleIn(pageOf(entry({})))).toContain('PPKS — Mbah Karsih')
  })
})
