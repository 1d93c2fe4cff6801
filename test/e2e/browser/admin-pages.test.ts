/**
 * The admin pages in Chromium (issue 13): with JavaScript off, the admin of Bogor
 * invites a TKSK, sees a refused field next to its input, changes and deactivates them,
 * imports a sheet and keeps next year's calendar. Every page passes axe-core without
 * serious or critical findings and does not scroll sideways at 360 px.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { STAFF_COLUMNS } from '../../../functions/core/staff/staff-sheet'
import { currentTerm, termCells } from '../../support/staff-term'
import { browserPlatform, reviewWithScript } from './browser'

const local = browserPlatform()
const { url } = local

const review = (shown: Page, name: string) => reviewWithScript(local, shown, name)

const signIn = async (page: Page, username: string) => {
  await page.goto(url('/login'))
  await page.selectOption('#f-username', username)
  await page.click('button:has-text("Masuk")')
  await page.waitForURL(/\/staff\//)
}

describe('admin pages in the browser, without JavaScript', () => {
  it('the admin of Bogor invites, corrects, deactivates and imports staff', async () => {
    const context = await local.browser.context({ javaScriptEnabled: false })
    const page = await context.newPage()
    await signIn(page, 'admin.bogor')
    await page.click('nav a:has-text("Petugas")')
    await page.waitForURL(/\/staff\/admin\/petugas$/)
    expect(await page.textContent('main')).toContain('tksk.leuwiliang')
    await review(page, 'admin-staff-list')

    await page.click('a:has-text("Undang petugas baru")')
    await page.fill('#f-username', 'tksk.cigudeg')
    await page.fill('#f-name', 'Rina Marlina')
    await page.fill('#f-email', 'tksk.cigudeg@dinsos.bogorkab.local')
    await page.selectOption('#f-role', 'tksk')
    await page.fill('#f-area', '32.01')
    const term = currentTerm((year) => `460/Kep.12-Dinsos/${year}`)
    await page.fill('#f-term-skNumber', term.skNumber)
    await page.fill('#f-term-start', term.start)
    await page.fill('#f-term-end', term.end)
    await page.click('button:has-text("Undang")')
    // Refused next to the field, the typed values kept.
    expect(await page.textContent('#f-area-error')).toMatch(/kecamatan/)
    expect(await page.inputValue('#f-name')).toBe('Rina Marlina')
    await review(page, 'admin-staff-new-error')
    await page.fill('#f-area', '32.01.19')
    await page.click('button:has-text("Undang")')
    await page.waitForURL(/\/staff\/admin\/petugas\/tksk\.cigudeg\?disimpan=baru$/)
    expect(await page.textContent('h1')).toContain('Rina Marlina')
    // The page says the invitation worked, and with which user name the person signs in.
    expect(await page.textContent('main [role=status]')).toContain('ditambahkan')
    expect(await page.textContent('main [role=status]')).toContain('tksk.cigudeg')
    await review(page, 'admin-staff-edit')

    await page.fill('#f-name', 'Rina Marlina S.')
    await page.click('button:has-text("Simpan")')
    await page.waitForURL(/\/staff\/admin\/petugas\/tksk\.cigudeg\?disimpan=ubah$/)
    expect(await page.inputValue('#f-name')).toBe('Rina Marlina S.')
    expect(await page.textContent('main [role=status]')).toBe('Perubahan disimpan.')
    await page.click('button:has-text("Nonaktifkan")')
    await page.waitForURL(/\/staff\/admin\/petugas\/tksk\.cigudeg\?disimpan=ubah$/)
    expect(await page.textContent('#status')).toContain('Nonaktif')

    const file = join(local.platform.dataDir, 'petugas.csv')
    writeFileSync(
      file,
      [
        STAFF_COLUMNS.join(','),
        `tksk.jasinga,Dedi Supriadi,tksk.jasinga@dinsos.bogorkab.local,tksk,32.01.20,${termCells(currentTerm((year) => `SK 7/${year}`))}`,
      ].join('\n'),
    )
    await page.goto(url('/staff/admin/petugas'))
    await page.setInputFiles('#f-file', file)
    await page.click('button:has-text("Impor")')
    expect(await page.textContent('main')).toContain('1 petugas baru')
    expect(await page.textContent('main')).toContain('tksk.jasinga')
    await context.close()
  })

  it('the admin keeps next year’s cuti bersama on the calendar page', async () => {
    const context = await local.browser.context({ javaScriptEnabled: false })
    const page = await context.newPage()
    await signIn(page, 'admin.bogor')
    await page.goto(url('/staff/admin/kalender?tahun=2027'))
    expect(await page.textContent('main')).toContain('Belum ada daftar cuti bersama untuk 2027')
    await review(page, 'admin-calendar-empty')
    await page.fill('#f-daysOff', '2027-01-02 Cuti bersama Tahun Baru\n2027-13-01 Salah')
    await page.click('button:has-text("Simpan")')
    expect(await page.textContent('#f-daysOff-error')).toContain('Baris 2')
    await page.fill('#f-daysOff', '2027-01-02 Cuti bersama Tahun Baru')
    await page.click('button:has-text("Simpan")')
    await page.waitForURL(/tersimpan=1/)
    expect(await page.textContent('main')).toContain('Cuti bersama Tahun Baru')
    await review(page, 'admin-calendar')
    await context.close()
  })
})
