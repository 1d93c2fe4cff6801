/**
 * Pendampingan on the staff case page in Chromium at 360 px (issue 15, ADR 0032): the
 * TKSK of the kecamatan records a home visit after the referral's result with JavaScript
 * off; a next visit before the visit comes back beside its field; the visit is listed on
 * the case and named on its timeline. Each state reviewed with axe.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { login } from '../../support/platform'
import { createDriver, intakeBody, nikOf } from '../../integration/case/case-driver'
import { browserPlatform, reviewPage, reviewWithScript } from './browser'

const local = browserPlatform()
const driver = createDriver(() => local.platform.url)
const { url } = local

const signedIn = async (options: { javaScriptEnabled: boolean }, username = 'tksk.leuwiliang') => {
  const context = await local.browser.context({ ...options, width: 360 })
  await context.addCookies([
    { name: 'session', value: await login(local.platform.url, username), url: url('/') },
  ])
  return context
}

const fillVisit = async (page: Page, nextVisit: string) => {
  await page.fill('#f-date', '2026-02-03')
  await page.selectOption('#f-kind', 'KUNJUNGAN_RUMAH')
  await page.fill('#f-findings', 'Kartu Jamkesda sudah dipakai berobat')
  await page.fill('#f-nextVisit', nextVisit)
  await page.click('button:has-text("Simpan pendampingan")')
}

/** The refused post is a state no URL reaches: posted again where script runs, for axe (it needs script). */
const reviewRefusedWithScript = async (caseId: string) => {
  const context: BrowserContext = await signedIn({ javaScriptEnabled: true })
  const page = await context.newPage()
  await page.goto(url(`/staff/cases/${caseId}`))
  await fillVisit(page, '2026-01-01')
  await page.waitForSelector('#f-nextVisit-error')
  await reviewPage(page, 'case-pendampingan-errors')
  await context.close()
}

describe('pendampingan on the staff case page, without JavaScript', () => {
  it('is recorded by the TKSK after the referral’s result and listed on the case', async () => {
    const served = await driver.fulfilCase(intakeBody({}, { nik: nikOf(51) }))
    const context = await signedIn({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(url(`/staff/cases/${served.caseId}`))
    expect(await page.textContent('#pendampingan')).toBe('Pendampingan')
    expect(await page.textContent('main')).toContain('Belum ada pendampingan tercatat.')

    await fillVisit(page, '2026-01-01')
    await page.waitForSelector('#f-nextVisit-error')
    expect(await page.textContent('#f-nextVisit-error')).toContain('tidak boleh sebelum')
    expect(await page.inputValue('#f-findings')).toContain('Kartu Jamkesda')
    await reviewRefusedWithScript(served.caseId)

    await page.fill('#f-nextVisit', '2026-03-03')
    await page.click('button:has-text("Simpan pendampingan")')
    await page.waitForURL(new RegExp(`/staff/cases/${served.caseId}#pendampingan$`))
    const rows = await page.$$eval('section[aria-labelledby="pendampingan"] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())),
    )
    expect(rows).toEqual([
      [
        '3 Februari 2026',
        'Kunjungan rumah',
        'Kartu Jamkesda sudah dipakai berobat',
        '3 Maret 2026',
        // The directory's display name, not the login (review of session 4).
        'TKSK Leuwiliang',
      ],
    ])
    expect(await page.textContent('main')).toContain('Pendampingan dicatat')
    await reviewWithScript(local, page, 'case-pendampingan')
    await context.close()
  })

  it('offers no form to Dinsos, who reads the case but does not do the visits', async () => {
    const served = await driver.fulfilCase(intakeBody({}, { nik: nikOf(52) }))
    const context = await signedIn({ javaScriptEnabled: false }, 'dinsos.bogor')
    const page = await context.newPage()
    await page.goto(url(`/staff/cases/${served.caseId}`))
    expect(await page.isVisible('form[action$="/pendampingan"]')).toBe(false)
    await context.close()
  })
})
