/**
 * Verval in Chromium with JavaScript off (issue 7/8): the TKSK downloads the template,
 * uploads a small CSV through the form, watches the batch page reach "Menunggu
 * persetujuan", the Dinsos approver approves from the mailed link (which shows the
 * summary by desa), and the batch page shows "Diterapkan". Every page passes axe-core
 * without serious or critical violations and weighs under 100 KB.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { VERVAL_COLUMNS } from '../../../functions/core/verval/columns'
import { areaName } from '../../../functions/http/runtime/staff-context'
import { createDriver, EMAILS } from '../../integration/case/case-driver'
import { csvOf, family } from '../../integration/verval/verval-driver'
import { waitForBatchStatus as waitForStatus } from './batch-page'
import { browserPlatform, pageWeight, reviewWithScript } from './browser'

const local = browserPlatform()
const mails = createDriver(() => local.platform.url)
const { url } = local

const weights: Record<string, number> = {}
/**
 * axe needs script in the page, so the page the JavaScript-less tab shows is opened again
 * in a tab with JavaScript and the same cookies, then checked, screenshotted and weighed.
 */
const review = async (shown: Page, name: string) => {
  const cookies = await shown.context().cookies()
  await reviewWithScript(local, shown, name)
  weights[name] = await pageWeight(shown.url(), cookies.map((c) => `${c.name}=${c.value}`).join('; '))
  expect(weights[name], `${name} weighs ${weights[name]} bytes`).toBeLessThan(100_000)
}

describe('verval pages in the browser', () => {
  it('the TKSK uploads through the page, the approver approves from the mail, the batch is applied', async () => {
    const context = await local.browser.context({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(url('/login'))
    await page.selectOption('#f-username', 'tksk.leuwiliang')
    await page.click('button:has-text("Masuk")')
    await page.waitForURL(/\/staff\/tasks$/)
    await page.click('nav a:has-text("Verval")')
    await page.waitForURL(/\/staff\/verval$/)
    await review(page, 'verval-list')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a:has-text("template-verval.csv")'),
    ])
    const template = readFileSync((await download.path()) ?? '', 'utf8').replace(/^\uFEFF/, '')
    expect(template.trim()).toBe(VERVAL_COLUMNS.join(','))

    const file = join(local.platform.dataDir, 'verval-leuwiliang.csv')
    writeFileSync(file, csvOf([family(1), family(2), family(3)]))
    await page.selectOption('#f-program', 'BPNT')
    await page.setInputFiles('#f-file', file)
    await page.click('button:has-text("Unggah")')
    await page.waitForURL(/\/staff\/verval\/[0-9A-Z]{26}$/)
    const batchId = new URL(page.url()).pathname.split('/').at(-1) ?? ''
    await waitForStatus(page, 'Menunggu persetujuan')
    expect(await page.textContent('main')).toContain('Keluarga baru (3)')
    await review(page, 'verval-batch')

    const approver = await local.browser.context({ javaScriptEnabled: false })
    const approval = await approver.newPage()
    const mail = await mails.mail(EMAILS.dinsos, batchId, 'Persetujuan')
    await approval.goto(mail.links.find((l) => l.includes('/verval/keputusan/')) ?? '')
    // The approver reads the summary by desa name, as the batch page shows it.
    const summary = (await approval.textContent('table')) ?? ''
    const desa = family(1).kode_desa ?? ''
    expect(summary).toContain(areaName(desa))
    expect(summary).not.toContain(desa)
    await review(approval, 'verval-approval')
    await approval.check('input[name=decision][value=APPROVE]')
    await approval.click('button:has-text("Kirim keputusan")')
    expect(await approval.textContent('main')).toContain('telah disimpan')
    await approver.close()

    await page.reload()
    await waitForStatus(page, 'Diterapkan')
    expect(await page.textContent('.progress [aria-current=step]')).toContain('Diterapkan')
    await review(page, 'verval-batch-applied')
    await context.close()
    console.info('verval page weights (bytes):', weights)
  })
})
