/** The verval batch page as a person watches it: its status line, followed until it shows what is awaited. */
import type { Page } from 'playwright-core'

export const batchStatusOf = async (page: Page) => (await page.textContent('main p strong'))?.trim()

/**
 * Waits until the batch page shows `wanted`. While the batch runs the page must reload
 * itself (meta refresh, no JavaScript) within its 5 s; otherwise the person reloads it.
 */
export const waitForBatchStatus = async (page: Page, wanted: string, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs
  while ((await batchStatusOf(page)) !== wanted) {
    if (Date.now() > deadline) throw new Error(`batch page stayed "${await batchStatusOf(page)}"`)
    if ((await page.locator('meta[http-equiv=refresh]').count()) > 0)
      await page.waitForEvent('load', { timeout: 15_000 })
    else {
      await new Promise((r) => setTimeout(r, 500))
      await page.reload()
    }
  }
}
