/**
 * The Berita Acara Daftar KPM Perubahan in Chromium (issue 21.3, ADR 0035): Dinsos issues
 * it from the page, the paper carries the QR code of its verification URL, prints on A4
 * without the menu and the forms (nothing wider than the A4 text column), passes axe-core,
 * and the signed paper is recorded through the form.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { qrSvg } from '../../../functions/web/qr-code'
import { login } from '../../support/platform'
import { createVervalDriver, currentPeriod, family } from '../../integration/verval/verval-driver'
import { browserPlatform, reviewWithScript, SCREENSHOT_DIR } from './browser'

const local = browserPlatform()
const driver = createVervalDriver(() => local.platform.url)
const { url } = local

/** The text column of A4 at 15 mm margins (app-css.ts `@page`), in CSS pixels: 180 mm at 96 dpi. */
const A4_TEXT_WIDTH_PX = Math.floor((180 / 25.4) * 96)

/** Where an office keeps the signed scan, a shared drive: one unbroken word wider than a 360 px screen. */
const SCAN_LINK = 'https://drive.google.com/file/d/1x8cZqT3kPn0Wv6YbR2mQe5LdJ9hUoFsA/view'

describe('the Berita Acara in the browser', () => {
  it('is issued from the page, prints on A4 with its verification QR code, and its signing is recorded', async () => {
    const period = currentPeriod()
    const batchId = await driver.uploadOk(Array.from({ length: 6 }, (_, n) => family(n + 1)))
    await driver.waitFor(batchId, ['AWAITING_APPROVAL'])
    expect((await driver.decide(batchId, 'APPROVE')).status).toBe(200)
    await driver.waitFor(batchId, ['APPLIED'])

    const context = await local.browser.context({ width: 1280, javaScriptEnabled: false })
    await context.addCookies([
      { name: 'session', value: await login(local.platform.url, 'dinsos.bogor'), url: local.platform.url },
    ])
    const page = await context.newPage()
    await page.goto(url(`/staff/berita-acara?area=32.01.14&program=BPNT&period=${period}`))
    await page.click('button:has-text("Terbitkan Berita Acara")')
    await page.waitForSelector('article.berita-acara')

    const verifyUrl = (await page.textContent('.berita-acara .verify-url')) ?? ''
    expect(verifyUrl).toMatch(new RegExp(`^${local.platform.url}/v/[0-9A-Z]{16}$`))
    const modules = /<path stroke="#000000" d="([^"]+)"/.exec(await qrSvg(verifyUrl))?.[1]
    expect(modules).toBeTruthy()
    expect(await page.getAttribute('.berita-acara svg.qr-code path[stroke]', 'd')).toBe(modules)
    expect(await page.locator('.berita-acara tbody tr').count()).toBeGreaterThan(6)
    await reviewWithScript(local, page, 'berita-acara')

    await page.emulateMedia({ media: 'print' })
    await page.setViewportSize({ width: A4_TEXT_WIDTH_PX, height: 1000 })
    expect(await page.isVisible('.site-header')).toBe(false)
    expect(await page.isVisible('form')).toBe(false)
    expect(await page.isVisible('.ba-signatures')).toBe(true)
    expect(await page.textContent('.ba-signatures')).toContain('Bupati Bogor')
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      A4_TEXT_WIDTH_PX,
    )
    const pdf = await page.pdf({ format: 'A4', path: join(SCREENSHOT_DIR, 'berita-acara-a4.pdf') })
    expect(pdf.byteLength).toBeGreaterThan(1000)

    await page.emulateMedia({ media: 'screen' })
    // A date in the future is shown beside its field, with what was typed kept.
    await page.fill('#f-signedOn', '2999-01-01')
    await page.fill('#f-signerName', 'H. Rudy Susmanto')
    await page.fill('#f-scanReference', SCAN_LINK)
    await page.click('button:has-text("Catat tanda tangan")')
    expect(await page.textContent('#f-signedOn-error')).toContain('Tanggal tanda tangan antara')
    expect(await page.inputValue('#f-signerName')).toBe('H. Rudy Susmanto')
    await page.fill('#f-signedOn', new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10))
    await page.click('button:has-text("Catat tanda tangan")')
    await page.waitForSelector('text=Ditandatangani oleh')
    expect(await page.textContent('[role="status"]')).toContain('H. Rudy Susmanto')
    expect(await page.textContent('[role="status"]')).toContain(SCAN_LINK)
    // The signed page with its longest words at 360 px: the scan link, and the batch id in its
    // widest spelling. The server draws the id's 16 random letters: about 1 id in 700 was wider
    // than the batch list at 360 px, which failed one run; here the same time part with all 16 W.
    expect(await page.textContent('.ba-meta')).toContain(batchId)
    await reviewWithScript(local, page, 'berita-acara-signed', (html) =>
      html.replaceAll(batchId, `${batchId.slice(0, 10)}${'W'.repeat(16)}`),
    )
    const verify = await (await fetch(verifyUrl)).text()
    expect(verify).toContain('H. Rudy Susmanto')
    await context.close()
  })
})
