/**
 * The processes the launch flags promise (ADR 0052): the display compositor runs in the
 * browser process (no GPU process), and Chromium keeps no spare renderer beside the pages'
 * own, one per browser context. Both would silently come back if a Chromium release
 * renamed the switch or the feature.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Browser, launchBrowser } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser.close()
})

it('runs the compositor in the browser process and one renderer per open context, no spare', async () => {
  for (const text of ['satu', 'dua']) {
    const page = await (await browser.context()).newPage()
    await page.goto(`data:text/html,<p>${text}</p>`)
  }
  // A spare renderer is started after a navigation commits: give it the time it takes.
  await new Promise((resolve) => setTimeout(resolve, 1_000))
  const types = await browser.processTypes()
  expect(types).toContain('browser')
  expect(types).not.toContain('GPU')
  expect(types.filter((type) => type === 'renderer')).toHaveLength(2)
})
