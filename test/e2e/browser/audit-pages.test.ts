/**
 * The audit review pages in Chromium (issue 6): an auditor filters, opens an entity's
 * timeline and presses the verify button (plain links and GET forms, no script); each page passes axe-core
 * without serious or critical violations at 360 px and weighs under 100 KB.
 */
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { appendAudit } from '../../../functions/data/audit-repository'
import { auditChange } from '../../support/audit-change'
import { login } from '../../support/platform'
import { browserPlatform, reviewPage } from './browser'

const local = browserPlatform()
const entityId = `case:BR${Date.now().toString(36)}`

beforeAll(async () => {
  for (const [action, before, after] of [
    ['CASE_CREATED', null, { status: 'IDENTIFICATION', applicant: { nik: '3201144507800001' } }],
    ['CASE_ASSESSED', { status: 'IDENTIFICATION' }, { status: 'ASSESSMENT', assessment: { eligible: true } }],
  ] as const)
    await appendAudit(auditChange(entityId, action, before, after, 'corr-browser'))
})

const check = async (page: Page, name: string) => {
  await reviewPage(page, name)
  const content = await page.content()
  // axe needs JavaScript in the tab, so "works without it" is shown by the pages loading none.
  expect(content).not.toContain('<script')
  const bytes = Buffer.byteLength(content)
  expect(bytes, `${name} weighs ${bytes} bytes`).toBeLessThan(100_000)
}

/** The field names in the change tables of the entry page. */
const FIELD_NAMES = 'li[id^="seq-"] table th[scope="row"] code'

/**
 * The field names of the change tables that the 360 px layout breaks inside a word
 * ("applica" / "nt.nik"), each as the text before and after the break; a line may end only
 * after a dot or a space. Every character's box is measured, so the check holds whatever
 * the markup (a string: it runs in the page).
 */
const MID_WORD_BREAKS = `(() => {
  const breaks = []
  for (const name of document.querySelectorAll(${JSON.stringify(FIELD_NAMES)})) {
    const chars = []
    const walker = document.createTreeWalker(name, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      for (let i = 0; i < node.data.length; i += 1) {
        const range = document.createRange()
        range.setStart(node, i)
        range.setEnd(node, i + 1)
        chars.push({ char: node.data[i], top: Math.round(range.getBoundingClientRect().top) })
      }
    const text = chars.map((c) => c.char).join('')
    chars.forEach((c, i) => {
      const previous = chars[i - 1]
      if (previous && c.top !== previous.top && !/[. ]/.test(previous.char))
        breaks.push(text.slice(0, i) + ' / ' + text.slice(i))
    })
  }
  return breaks
})()`

describe('the audit pages in a browser', () => {
  it('let an auditor find an entity, read its timeline and verify it, with no script on the pages', async () => {
    const context = await local.browser.context()
    await context.addCookies([
      { name: 'session', value: await login(local.platform.url, 'auditor.bogor'), url: local.platform.url },
    ])
    const page = await context.newPage()
    await page.goto(`${local.platform.url}/staff/cases`)
    await page.click('a[href="/staff/audit"]')
    await page.fill('#f-entityId', entityId)
    await page.click('button:has-text("Tampilkan")')
    await page.waitForURL(/\/staff\/audit\?entityId=/)
    await check(page, 'staff-audit')

    await page.click(`a:has-text("${entityId}")`)
    await page.waitForURL(/\/staff\/audit\/entitas\?entityId=/)
    await page.click('button:has-text("Periksa keutuhan rantai")')
    await page.waitForURL(/periksa=1/)
    expect(await page.locator('.ok').textContent()).toContain('Rantai valid (2 entri diperiksa)')
    expect(await page.locator('main').textContent()).not.toContain('3201144507800001')
    await check(page, 'staff-audit-entity')
    // No dotted name on the page would make the check below pass on nothing.
    expect(await page.locator(FIELD_NAMES, { hasText: '.' }).count()).toBeGreaterThan(0)
    expect(await page.evaluate(MID_WORD_BREAKS)).toEqual([])
    await context.close()
  })
})
