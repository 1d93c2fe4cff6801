/**
 * Debian's Chromium driven by playwright-core, with what a closed network needs (no
 * background connections, no QUIC), one per worker on a fresh profile (Playwright's own
 * temporary user-data-dir); axe-core checks and screenshots at the two widths the pages
 * are made for.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { startTestPlatform, type TestPlatform } from '../../support/platform'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/**
 * Only what Playwright's launcher does not pass already: it adds `--headless` (the new
 * headless mode since Chromium 132), `--no-sandbox`, `--no-first-run`,
 * `--disable-background-networking`, `--disable-component-update`, `--disable-sync`,
 * `--disable-extensions`, `--disable-dev-shm-usage`, `--disable-breakpad`, `--mute-audio`
 * and its own `--disable-features` list (playwright-core's `chromiumSwitches`).
 *
 * Flags measured and not kept (ADR 0052): `pages.test.ts`, CPU-s of all Chromium processes
 * (of the whole tree), shared machine at load 7–18: these flags 102.2 / 100.4 / 96.6 (tree
 * 144.8 / 141.0 / 137.9); without spare renderers
 * (`--disable-features=SpareRendererForSitePerProcess`) 94.4 / 94.8 (137.8 / 137.0), no
 * clear margin; `--in-process-gpu` 95.4 / 100.8 (134.8 / 145.4), and with both 82.8 / 92.1
 * (117.8 / 132.3), the candidate, not kept until the whole e2e project passes with it
 * (verval-s3-upload.test.ts timed out with it beside other files at load 20–30).
 */
const ARGS = ['--disable-gpu', '--disable-quic']

export const SCREENSHOT_DIR = join(process.cwd(), 'test/e2e/screenshots')

export interface Browser {
  /** A new context (its own cookies) in the shared profile. */
  context: (options?: { javaScriptEnabled?: boolean; width?: number }) => Promise<BrowserContext>
  close: () => Promise<void>
}

export const launchBrowser = async (): Promise<Browser> => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM}: sudo apt-get install -y chromium (or set CHROMIUM_PATH)`,
    )
  }
  // `launch` runs Chromium on a fresh temporary profile of its own, removed on close.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true })
  return {
    context: async ({ javaScriptEnabled = true, width = 360 } = {}) => {
      const context = await browser.newContext({
        javaScriptEnabled,
        viewport: { width, height: 800 },
        locale: 'id-ID',
      })
      // A missing element fails the test in seconds, not after Playwright's default 30 s.
      context.setDefaultTimeout(10_000)
      return context
    },
    close: () => browser.close(),
  }
}

const axeSource = (): string => {
  const require = createRequire(import.meta.url)
  return require('axe-core').source as string
}

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: number
}

/** axe-core on the page (WCAG 2.1 A/AA rules); the source is evaluated over DevTools, which the page's CSP does not govern. */
export const axe = async (page: Page): Promise<AxeViolation[]> => {
  // Once per document: the source is large, and the tour runs axe at two widths.
  if (await page.evaluate<boolean>("typeof axe === 'undefined'")) await page.evaluate(axeSource())
  // A string, so this file needs no DOM typings: it runs in the page, where `axe` and `document` exist.
  // `resultTypes: ['violations']` is axe's own performance option (API.md, "Performance"): the
  // passes, incomplete and inapplicable results, which nothing here reads, keep one node each
  // instead of a selector built for every node checked; the violations keep all their nodes.
  return page.evaluate<AxeViolation[]>(`axe
    .run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    })
    .then((result) => result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length })))`)
}

export const seriousOf = (violations: readonly AxeViolation[]) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')

/**
 * The whole length of the page at its current width, as a PNG at `path`. Chromium's own
 * capture with `optimizeForSpeed` (DevTools protocol, Page.captureScreenshot): the same
 * pixels as Playwright's full-page screenshot, a faster PNG encoding (larger files) that
 * costs the browser about 40% less CPU (0.38 s → 0.21 s a shot at 1280 px on this machine);
 * the screenshots are the tests' largest Chromium cost after the page loads.
 */
export const fullPageScreenshot = async (page: Page, path: string): Promise<void> => {
  const session = await page.context().newCDPSession(page)
  try {
    const { cssContentSize } = await session.send('Page.getLayoutMetrics')
    const { data } = await session.send('Page.captureScreenshot', {
      format: 'png',
      optimizeForSpeed: true,
      captureBeyondViewport: true,
      clip: { x: 0, y: 0, width: cssContentSize.width, height: cssContentSize.height, scale: 1 },
    })
    writeFileSync(path, Buffer.from(data, 'base64'))
  } finally {
    await session.detach()
  }
}

/** The page at 360 px and 1280 px, whole length, under test/e2e/screenshots (git-ignored). */
export const screenshots = async (page: Page, name: string): Promise<void> => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 })
    await fullPageScreenshot(page, join(SCREENSHOT_DIR, `${name}-${width}.png`))
  }
  await page.setViewportSize({ width: 360, height: 800 })
}

/** Bytes of the page at `pageUrl` plus the CSS and JS it loads from `/assets` (the < 100 KB budget). */
export const pageWeight = async (pageUrl: string, cookie = ''): Promise<number> => {
  const text = await (await fetch(pageUrl, { headers: cookie ? { cookie } : {} })).text()
  let total = Buffer.byteLength(text)
  for (const [, asset] of text.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g))
    total += (await (await fetch(new URL((asset ?? '').replaceAll('&amp;', '&'), pageUrl))).arrayBuffer())
      .byteLength
  return total
}

let workerBrowser: Promise<Browser> | undefined

/**
 * One Chromium per worker: the e2e project shares its modules across files
 * (vitest.config.ts), so the files of a worker reuse the first file's browser instead of
 * launching their own. Playwright kills it when the worker exits (and Chromium exits when
 * its pipe closes).
 */
const workerChromium = (): Promise<Browser> => {
  workerBrowser ??= launchBrowser().catch((error: unknown) => {
    workerBrowser = undefined
    throw error
  })
  return workerBrowser
}

/** The worker's browser as one file sees it: closing it closes the contexts the file opened, not the browser. */
const fileBrowser = (shared: Browser): Browser => {
  const opened = new Set<BrowserContext>()
  return {
    context: async (options) => {
      const context = await shared.context(options)
      opened.add(context)
      context.on('close', () => opened.delete(context))
      return context
    },
    close: async () => {
      await Promise.all([...opened].map((context) => context.close()))
    },
  }
}

export interface BrowserPlatform {
  readonly platform: TestPlatform
  readonly browser: Browser
  /** The address of a path on the platform. */
  url: (path: string) => string
}

/**
 * One local platform for a test file, on the worker's Chromium: started together before
 * its tests (a file's own `beforeAll` registered after this one can use them); the
 * platform and the file's browser contexts are closed after.
 */
export const browserPlatform = (): BrowserPlatform => {
  let started: { platform: TestPlatform; browser: Browser } | undefined
  beforeAll(async () => {
    const [platform, browser] = await Promise.all([startTestPlatform(), workerChromium()])
    started = { platform, browser: fileBrowser(browser) }
  })
  afterAll(async () => {
    await started?.browser.close()
    await started?.platform.dispose()
  })
  const running = () => {
    if (!started) throw new Error('the platform and browser start in beforeAll')
    return started
  }
  return {
    get platform() {
      return running().platform
    },
    get browser() {
      return running().browser
    },
    url: (path) => `${running().platform.url}${path}`,
  }
}

/**
 * The quality bar of a page as the tab shows it now (a state no URL reaches, such as a
 * refused form with its errors, included): no serious or critical axe finding, no sideways
 * scrolling at the tab's width, and its screenshots at both widths saved as `name`. The
 * tab must run script (axe needs it).
 */
export const reviewPage = async (page: Page, name: string): Promise<void> => {
  const violations = await axe(page)
  expect(seriousOf(violations), `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([])
  expect(
    await page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth'),
    `${name} scrolls sideways`,
  ).toBe(false)
  await screenshots(page, name)
}

/**
 * A page a JavaScript-less tab shows, reviewed where script runs: opened again with the
 * same cookies in a tab with script, then `reviewPage`. `served`, when given, rewrites the
 * HTML the platform sends for that URL: the way to review the page with a value the server
 * draws at random (an id) at its worst.
 */
export const reviewWithScript = async (
  local: BrowserPlatform,
  shown: Page,
  name: string,
  served?: (html: string) => string,
): Promise<void> => {
  const context = await local.browser.context()
  await context.addCookies(await shown.context().cookies())
  const page = await context.newPage()
  if (served)
    await page.route(
      (url) => url.href === shown.url(),
      async (route) => {
        const response = await route.fetch()
        await route.fulfill({ response, body: served(await response.text()) })
      },
    )
  await page.goto(shown.url())
  await reviewPage(page, name)
  await context.close()
}
