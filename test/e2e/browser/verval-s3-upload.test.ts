/**
 * The verval upload form in Chromium with JavaScript (issue 12 point 3, ADR 0018): the
 * TKSK picks a 5 MiB XLSX and presses "Unggah" on the same form as ever; the page's
 * script puts the file in the upload bucket with a presigned URL (the platform's S3
 * endpoint) and posts the form with the upload's id, so the form post itself stays small.
 */
import type { Request } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { family } from '../../integration/verval/verval-driver'
import { fiveMebibyteXlsx } from '../../integration/verval/verval-xlsx'
import { waitForBatchStatus } from './batch-page'
import { browserPlatform } from './browser'

const local = browserPlatform()
const ROWS = 200

describe('the verval upload form with JavaScript', () => {
  it('sends a 5 MiB XLSX through the presigned upload and reaches the batch page', async () => {
    const file = await fiveMebibyteXlsx(Array.from({ length: ROWS }, (_, n) => family(7000 + n)))
    const context = await local.browser.context({ javaScriptEnabled: true })
    const page = await context.newPage()
    await page.goto(local.url('/login'))
    await page.selectOption('#f-username', 'tksk.leuwiliang')
    await page.click('button:has-text("Masuk")')
    await page.waitForURL(/\/staff\/tasks$/)
    await page.goto(local.url('/staff/verval'))

    const requests: Request[] = []
    page.on('request', (request) => requests.push(request))
    await page.selectOption('#f-program', 'PKH')
    await page.setInputFiles('#f-file', {
      name: 'verval-leuwiliang.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    })
    await page.click('button:has-text("Unggah")')
    await page.waitForURL(/\/staff\/verval\/[0-9A-Z]{26}$/, { timeout: 60_000 })

    const put = requests.find((r) => r.method() === 'PUT' && r.url().includes('/__aws/s3/'))
    expect(put?.url()).toContain('X-Amz-Signature=')
    expect((await put?.response())?.status()).toBe(200)
    const post = requests.find((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/staff/verval')
    // The form carried the upload's id, not the 5 MiB file.
    expect(post?.postDataBuffer()?.byteLength ?? Infinity).toBeLessThan(10_000)

    await waitForBatchStatus(page, 'Menunggu persetujuan', 90_000)
    expect(await page.textContent('main')).toContain(`Keluarga baru (${ROWS})`)
    await context.close()
  }, 180_000)
})
