/**
 * The admin's provider pages in Chromium with JavaScript off (issue 13): the admin of
 * Kabupaten Bogor adds a provider through the form (a refused post keeps the values and
 * says why beside the field), changes it and deactivates it. Every page passes axe-core
 * without serious or critical violations and fits 360 px without sideways scrolling.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserPlatform, reviewWithScript } from './browser'

const local = browserPlatform()
const { url } = local

const review = (shown: Page, name: string) => reviewWithScript(local, shown, name)

describe('the provider pages in the browser', () => {
  it('an admin adds, changes and deactivates a provider with forms that need no JavaScript', async () => {
    const context = await local.browser.context({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(url('/login'))
    await page.selectOption('#f-username', 'admin.bogor')
    await page.click('button:has-text("Masuk")')
    await page.click('nav a:has-text("Penyedia")')
    await page.waitForURL(/\/staff\/admin\/penyedia$/)
    expect(await page.textContent('h1')).toContain('Penyedia layanan')
    expect(await page.textContent('table')).toContain('BPJS Kesehatan Cabang Bogor')
    await review(page, 'admin-penyedia')

    // No service ticked and an email another provider has: both said beside their fields.
    await page.fill('#f-name', 'LKS Harapan Bangsa')
    await page.selectOption('#f-kind', 'LKS')
    await page.fill('#f-email', 'kis@bpjs-bogor.local')
    await page.check('input[name=areas][value="32.01.14"]')
    await page.click('button:has-text("Simpan penyedia")')
    expect(await page.textContent('#f-services')).toContain('Pilih minimal satu layanan.')
    expect(await page.inputValue('#f-name')).toBe('LKS Harapan Bangsa')
    expect(await page.isChecked('input[name=areas][value="32.01.14"]')).toBe(true)

    await page.check('input[name=services][value="REHABILITASI_SOSIAL"]')
    await page.click('button:has-text("Simpan penyedia")')
    expect(await page.textContent('main')).toContain(
      'Email kis@bpjs-bogor.local sudah dipakai penyedia lain.',
    )

    await page.fill('#f-email', 'lks.harapan@example.org')
    await page.fill('#f-desaAreas', '32.01.15.2001')
    await page.click('button:has-text("Simpan penyedia")')
    await page.waitForURL(/disimpan=/)
    expect(await page.textContent('[role=status]')).toContain('Penyedia LKS Harapan Bangsa disimpan.')

    await page.click('table a:has-text("LKS Harapan Bangsa")')
    await page.waitForURL(/\/staff\/admin\/penyedia\/[0-9A-Z]{26}$/)
    expect(await page.inputValue('#f-desaAreas')).toBe('32.01.15.2001')
    await review(page, 'admin-penyedia-ubah')
    await page.fill('#f-phone', '0251 8123456')
    await page.click('button:has-text("Simpan perubahan")')
    await page.waitForURL(/disimpan=1/)
    expect(await page.inputValue('#f-phone')).toBe('02518123456')

    await page.click('button:has-text("Nonaktifkan penyedia")')
    await page.waitForURL(/disimpan=1/)
    expect(await page.textContent('main')).toContain('Status: Nonaktif')
    await page.click('a:has-text("Kembali ke daftar penyedia")')
    const row = page.locator('tr', { hasText: 'LKS Harapan Bangsa' })
    expect(await row.textContent()).toContain('Nonaktif')
    await context.close()
  })
})
