/**
 * The PPKS register and the social map in Chromium at 360 px (issue 16 items 1 and 3):
 * the TKSK records a PPKS, turns it into a case and changes it with forms that need no
 * JavaScript (a refused post keeps the values and says why beside the field); a sensitive entry names
 * nobody in the list; Dinsos reads the kabupaten's map and a kecamatan's, with SVG
 * charts that show without script, and prints it on A4 without the menu and filter.
 * Every page passes axe-core without serious or critical violations and does not scroll
 * sideways.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserPlatform, reviewWithScript } from './browser'

const local = browserPlatform()
const { url } = local

const review = (shown: Page, name: string) => reviewWithScript(local, shown, name)

const signIn = async (page: Page, username: string) => {
  await page.goto(url('/login'))
  await page.selectOption('#f-username', username)
  await page.click('button:has-text("Masuk")')
}

/** Pages in a PDF: one `/Type /Page` object per page (`/Pages` is the tree). */
const pdfPageCount = (pdf: Buffer): number =>
  pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0

describe('the PPKS pages in the browser', () => {
  it('the TKSK records a PPKS, turns it into a case and changes it with forms that need no JavaScript', async () => {
    const context = await local.browser.context({ javaScriptEnabled: false })
    const page = await context.newPage()
    await signIn(page, 'tksk.leuwiliang')
    await page.click('nav a:has-text("PPKS")')
    await page.waitForURL(/\/staff\/ppks$/)
    expect(await page.textContent('h1')).toContain('PPKS')

    await page.selectOption('#f-subject', 'PERSON')
    await page.selectOption('#f-category', 'LANSIA_TERLANTAR')
    await page.fill('#f-name', 'Mbah Sarmi')
    await page.selectOption('#f-desa', '32.01.14.2001')
    await page.fill('#f-nik', '3201144507800009')
    await page.fill('#f-birthDate', '1981-01-01')
    await page.click('button:has-text("Simpan PPKS")')
    expect(await page.textContent('#f-nik-error')).toContain('Tanggal lahir tidak sesuai')
    expect(await page.inputValue('#f-name')).toBe('Mbah Sarmi')
    await page.fill('#f-birthDate', '1980-07-05')
    await page.fill('#f-address', 'Kp. Cibeber RT 03/01')
    await page.click('button:has-text("Simpan PPKS")')
    await page.waitForURL(/\/staff\/ppks\/[0-9A-Z]{26}\?disimpan=1$/)
    expect(await page.textContent('[role=status]')).toContain('Data PPKS disimpan.')
    const shown = (await page.textContent('main')) ?? ''
    expect(shown).toContain('320114******0009')
    expect(shown).not.toContain('1980-07-05')
    await review(page, 'ppks-entry')

    await page.selectOption('#f-service', 'JAMKESDA')
    await page.selectOption('#f-applicant-kkStatus', 'UNKNOWN')
    await page.click('button:has-text("Jadikan kasus")')
    expect(await page.textContent('#f-consent-error')).toContain('Persetujuan')
    await page.check('#f-consent')
    await page.click('button:has-text("Jadikan kasus")')
    await page.waitForURL(/kasus=/)
    expect(await page.textContent('[role=status]')).toMatch(/Kasus 320114-\d{4}-\d{6} dibuat dari data ini\./)
    expect(await page.locator('button:has-text("Jadikan kasus")').count()).toBe(0)

    // "Ubah data": a person has no household size; as a household the entry keeps it.
    await page.fill('#f-members', '3')
    await page.click('button:has-text("Simpan perubahan")')
    expect(await page.textContent('#f-members-error')).toContain('hanya untuk keluarga')
    expect(await page.inputValue('#f-members')).toBe('3')
    await page.selectOption('#f-subject', 'HOUSEHOLD')
    await page.click('button:has-text("Simpan perubahan")')
    await page.waitForURL(/disimpan=1$/)
    expect(await page.textContent('main')).toContain('Keluarga/rumah tangga, 3 orang')

    await page.click('a:has-text("Kembali ke daftar PPKS")')
    const list = (await page.textContent('main')) ?? ''
    expect(list).toContain('Mbah Sarmi')
    expect(list).toMatch(/320114-\d{4}-\d{6}/)
    await review(page, 'ppks')
    await context.close()
  })

  it('a sensitive entry is listed without the person, who is named only on its own page', async () => {
    const context = await local.browser.context({ javaScriptEnabled: false })
    const page = await context.newPage()
    await signIn(page, 'tksk.leuwiliang')
    await page.goto(url('/staff/ppks'))
    await page.selectOption('#f-subject', 'PERSON')
    await page.selectOption('#f-category', 'KORBAN_TRAFFICKING')
    await page.fill('#f-name', 'Nama Dirahasiakan')
    await page.selectOption('#f-desa', '32.01.14.2002')
    await page.click('button:has-text("Simpan PPKS")')
    await page.waitForURL(/disimpan=1/)
    expect(await page.textContent('main')).toContain('setiap pembukaan halaman ini tercatat')
    await page.goto(url('/staff/ppks'))
    const list = (await page.textContent('main')) ?? ''
    expect(list).not.toContain('Nama Dirahasiakan')
    expect(list).toContain('Data sensitif — buka')
    await context.close()
  })

  it('Dinsos reads the social map with charts that need no script, and prints it on A4 without the menu', async () => {
    const context = await local.browser.context({ javaScriptEnabled: false })
    const page = await context.newPage()
    await signIn(page, 'dinsos.bogor')
    await page.click('nav a:has-text("Peta sosial")')
    await page.waitForURL(/\/staff\/peta-sosial$/)
    expect(await page.textContent('h1')).toContain('Bogor')
    expect(await page.textContent('table.map-table')).toContain('Leuwiliang')
    expect(await page.isVisible('svg[role=img]')).toBe(true)
    await page.selectOption('#f-area', '32.01.14')
    await page.click('button:has-text("Tampilkan")')
    await page.waitForURL(/area=32\.01\.14$/)
    expect(await page.textContent('h1')).toContain('Leuwiliang')
    expect(await page.getAttribute('a:has-text("XLSX")', 'href')).toBe(
      '/api/peta-sosial?area=32.01.14&format=xlsx',
    )
    await review(page, 'peta-sosial')

    // A4's printable width (210 mm less two 15 mm margins, at 96 px per inch).
    await page.setViewportSize({ width: 680, height: 960 })
    await page.emulateMedia({ media: 'print' })
    expect(await page.isVisible('.site-header')).toBe(false)
    expect(await page.isVisible('form.filters')).toBe(false)
    expect(await page.isVisible('a:has-text("XLSX")')).toBe(false)
    expect(await page.isVisible('svg[role=img]')).toBe(true)
    const tableRight = await page.evaluate<number>(
      "document.querySelector('table.map-table').getBoundingClientRect().right",
    )
    expect(tableRight).toBeLessThanOrEqual(680)
    expect(pdfPageCount(await page.pdf({ format: 'A4' }))).toBeGreaterThanOrEqual(1)
    await context.close()
  })
})
