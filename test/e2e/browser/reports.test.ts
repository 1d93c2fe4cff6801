/**
 * The approval queue, the dashboard and the laporan in Chromium (issue #8 items 3 and 5):
 * the dashboard draws its charts with JavaScript and is whole as tables without it; every
 * page passes axe-core without serious or critical violations; the queue and the laporan
 * stay under 100 KB (the dashboard carries Chart.js and is weighed and reported); the
 * laporan prints without the menu.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { login } from '../../support/platform'
import { ASSESSED, createDriver, EMAILS, intakeBody, nikOf } from '../../integration/case/case-driver'
import { browserPlatform, reviewPage, screenshots } from './browser'

const local = browserPlatform()
const driver = createDriver(() => local.platform.url)
const { url } = local
let reference = ''

beforeAll(async () => {
  const filed = await driver.submitCase(intakeBody({}, { nik: nikOf(950) }))
  reference = filed.reference
  await driver.act(driver.linkIn(await driver.mail(EMAILS.tksk, reference, 'Asesmen')), ASSESSED)
  await driver.waitForStatus(reference, 'RECOMMENDATION')
})

const signedIn = async (username: string, javaScriptEnabled = true): Promise<BrowserContext> => {
  const context = await local.browser.context({ javaScriptEnabled })
  await context.addCookies([
    { name: 'session', value: await login(local.platform.url, username), url: local.platform.url },
  ])
  return context
}

/** HTML plus the CSS and JS it loads, in bytes. */
const weightOf = async (page: Page): Promise<number> => {
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
  const text = await (await fetch(page.url(), { headers: { cookie } })).text()
  let total = Buffer.byteLength(text)
  for (const [, asset] of text.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g))
    total += (await (await fetch(url((asset ?? '').replaceAll('&amp;', '&')))).arrayBuffer()).byteLength
  console.info(`${new URL(page.url()).pathname} weighs ${total} bytes`)
  return total
}

const review = reviewPage

describe('the report pages in a browser', () => {
  it('draw the dashboard’s charts from its tables with JavaScript', async () => {
    const context = await signedIn('dinsos.bogor')
    const page = await context.newPage()
    await page.goto(url('/staff/dashboard'))
    await page.waitForSelector('.chart canvas')
    const charts = await page.locator('.chart canvas').count()
    expect(charts).toBeGreaterThanOrEqual(3)
    // A drawn canvas has painted pixels; an empty one is all transparent.
    const painted = await page.evaluate(`(() => {
      const canvas = document.querySelector('.chart canvas');
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) count++;
      return count;
    })()`)
    expect(painted).toBeGreaterThan(100)
    expect(await page.textContent('main')).toContain('Kasus per tahap')
    await review(page, 'staff-dashboard')
    const weight = await weightOf(page)
    expect(weight).toBeLessThan(300_000)
    await context.close()
  })

  it('shows the dashboard as tables without JavaScript', async () => {
    const context = await signedIn('dinsos.bogor', false)
    const page = await context.newPage()
    await page.goto(url('/staff/dashboard'))
    expect(await page.locator('canvas').count()).toBe(0)
    const stages = page.locator('table[data-chart]').first()
    expect(await stages.textContent()).toContain('Rekomendasi')
    // axe runs inside the page and needs JavaScript; the tables it checks are the same with it.
    await screenshots(page, 'staff-dashboard-nojs')
    await context.close()
  })

  it('shows the queue of approvals with the case waiting', async () => {
    const context = await signedIn('dinsos.bogor')
    const page = await context.newPage()
    await page.goto(url('/staff/dashboard'))
    await page.click('nav >> text=Persetujuan')
    await page.waitForURL(/\/staff\/persetujuan$/)
    const row = page.locator('tr', { hasText: reference })
    expect(await row.textContent()).toMatch(/\d+ hari kerja \(\d+ hari\)/)
    await review(page, 'staff-approvals')
    expect(await weightOf(page)).toBeLessThan(100_000)
    await context.close()
  })

  it('gives the TKSK the laporan of the kecamatan, printable without the menu', async () => {
    const context = await signedIn('tksk.leuwiliang')
    const page = await context.newPage()
    await page.goto(url('/staff/laporan'))
    expect(await page.textContent('main')).toContain(reference)
    expect(await page.locator('nav >> text=Dasbor').count()).toBe(0)
    await review(page, 'staff-report')
    expect(await weightOf(page)).toBeLessThan(100_000)
    await page.emulateMedia({ media: 'print' })
    expect(await page.isVisible('.site-header')).toBe(false)
    expect(await page.isVisible('form.filters')).toBe(false)
    expect(await page.isVisible('#kunjungan')).toBe(true)
    await context.close()
  })
})
