/**
 * The page tour of issue 8 (items 6–7): every page in one data-driven list, each loaded
 * in a fresh context (nothing cached, so the weight is what a first visit transfers) and
 * checked at 360 px and 1280 px: a full-page screenshot, axe-core without serious or
 * critical findings, no horizontal scrolling at 360 px, and the HTML + same-origin CSS +
 * JS bytes under the entry's limit. Adding a page is one line in the list of the test.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContext, Page, Response } from 'playwright-core'
import { expect } from 'vitest'
import { axe, type Browser, fullPageScreenshot, SCREENSHOT_DIR, seriousOf } from './browser'

/** What the tour's URLs are built from: filled in by the test before the tour runs. */
export type TourData = Record<string, string>

export interface TourStop {
  /** File name of the screenshots (`<name>-<width>.png`) and row of the weight table. */
  name: string
  path: (data: TourData) => string
  /** A seeded user signed in through the session cookie; anonymous when absent. */
  as?: string
  /** The expected HTTP status of the page (200 when absent): the error pages are pages too. */
  status?: number
  /** Upper bound of HTML + CSS + JS in KB (1 KB = 1000 bytes); 100 unless the page is the known exception. */
  maxKB?: number
}

export const WIDTHS = [360, 1280] as const
const DEFAULT_MAX_KB = 100

const WEIGHED_TYPES = new Set(['document', 'stylesheet', 'script'])

/** Bytes of the same-origin document, styles and scripts the page load transfers (bodies as sent). */
const weighLoad = async (page: Page, origin: string, load: () => Promise<unknown>): Promise<number> => {
  const sizes: Promise<number>[] = []
  const onResponse = (response: Response) => {
    const request = response.request()
    if (!WEIGHED_TYPES.has(request.resourceType()) || new URL(response.url()).origin !== origin) return
    sizes.push(response.body().then((body) => body.byteLength))
  }
  page.on('response', onResponse)
  await load()
  await page.waitForLoadState('load')
  page.off('response', onResponse)
  return (await Promise.all(sizes)).reduce((a, b) => a + b, 0)
}

const hasHorizontalScroll = (page: Page) =>
  page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth')

export interface TourResult {
  name: string
  bytes: number
  axe: string[]
  /** How long the stop took (load, both widths): keeps the tour's cost visible as it grows. */
  ms: number
}

/** Visits one stop and asserts the quality bar; returns its weight and the axe findings below serious. */
export const visit = async (
  browser: Browser,
  baseUrl: string,
  stop: TourStop,
  data: TourData,
  sessionOf: (username: string) => Promise<string>,
): Promise<TourResult> => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const started = Date.now()
  const context: BrowserContext = await browser.context({ width: WIDTHS[0] })
  try {
    if (stop.as)
      await context.addCookies([{ name: 'session', value: await sessionOf(stop.as), url: baseUrl }])
    const page = await context.newPage()
    let status = 0
    const bytes = await weighLoad(page, new URL(baseUrl).origin, async () => {
      status = (await page.goto(`${baseUrl}${stop.path(data)}`))?.status() ?? 0
    })
    expect(status, `${stop.name}: HTTP status`).toBe(stop.status ?? 200)
    const findings: string[] = []
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 })
      if (width === 360)
        expect(await hasHorizontalScroll(page), `${stop.name} scrolls sideways at 360 px`).toBe(false)
      const violations = await axe(page)
      expect(seriousOf(violations), `${stop.name} at ${width} px: ${JSON.stringify(violations)}`).toEqual([])
      findings.push(...violations.map((v) => `${v.id}:${v.impact}@${width}`))
      await fullPageScreenshot(page, join(SCREENSHOT_DIR, `${stop.name}-${width}.png`))
    }
    const maxKB = stop.maxKB ?? DEFAULT_MAX_KB
    expect(bytes, `${stop.name} weighs ${bytes} bytes`).toBeLessThan(maxKB * 1000)
    return { name: stop.name, bytes, axe: findings, ms: Date.now() - started }
  } finally {
    await context.close()
  }
}

/** The table the lead quotes: one row per page, KB with one decimal. */
export const weightTable = (results: readonly TourResult[]): string =>
  [
    'page                         KB   test ms',
    ...results.map(
      (r) => `${r.name.padEnd(26)} ${(r.bytes / 1000).toFixed(1).padStart(5)} ${String(r.ms).padStart(9)}`,
    ),
  ].join('\n')
