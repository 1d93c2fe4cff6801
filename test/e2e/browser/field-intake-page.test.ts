/**
 * The TKSK's field filing page `/staff/kasus-baru` in Chromium at 360 px (issue 15 item 1,
 * ADR 0037): filed with JavaScript off for a man without documents, a mistake shown beside
 * its field, the slip to print at the end; with JavaScript, what is typed survives a page
 * left and a submit without signal, and sending again files one case. Each state reviewed
 * with axe.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { login } from '../../support/platform'
import { browserPlatform, reviewPage, reviewWithScript } from './browser'

const local = browserPlatform()
const { url } = local

// The first request loads the staff pages' modules: on a loaded machine that took longer
// than a page's 10 s timeout once, so it happens here, before the first test's page.
beforeAll(async () => {
  await fetch(url('/staff/kasus-baru'), { redirect: 'manual' })
}, 60_000)

const signedIn = async (options: { javaScriptEnabled: boolean }, username = 'tksk.leuwiliang') => {
  const context = await local.browser.context({ ...options, width: 360 })
  await context.addCookies([
    { name: 'session', value: await login(local.platform.url, username), url: url('/') },
  ])
  return context
}

const fillPerson = async (page: Page, name: string) => {
  await page.selectOption('#f-applicant-villageCode', '32.01.14.2001')
  await page.fill('#f-applicant-name', name)
  await page.selectOption('#f-applicant-nikStatus', 'NONE')
  await page.selectOption('#f-applicant-kkStatus', 'NONE')
  await page.selectOption('#f-applicant-birthDateStatus', 'UNKNOWN')
  await page.fill('#f-applicant-estimatedAge', '62')
  await page.fill('#f-applicant-address', 'Kolong jembatan Cibeber')
  await page.selectOption('#f-category', 'GELANDANGAN')
  await page.selectOption('#f-service', 'REHABILITASI_SOSIAL')
  await page.check('#f-consent')
}

/** The cases the TKSK's kecamatan lists with `reference` (the staff API). */
const casesOf = async (reference: string) => {
  const token = await login(local.platform.url, 'dinsos.bogor')
  const response = await fetch(url('/api/cases?area=32.01.14&limit=100'), {
    headers: { authorization: `Bearer ${token}` },
  })
  const { items } = (await response.json()) as { items: { reference: string; caseId: string }[] }
  return items.filter((c) => c.reference === reference)
}

/** The refused post is a state no URL reaches: posted again where script runs, for axe (it needs script). */
const reviewRefusedWithScript = async () => {
  const context: BrowserContext = await signedIn({ javaScriptEnabled: true })
  const page = await context.newPage()
  await page.goto(url('/staff/kasus-baru'))
  await fillPerson(page, 'Pak Darto Suryana')
  await page.fill('#f-applicant-estimatedAge', '')
  await page.click('button:has-text("Catat kasus")')
  await page.waitForSelector('#f-applicant-estimatedAge-error')
  await reviewPage(page, 'field-intake-errors')
  await context.close()
}

describe('the field filing page', () => {
  it('files a man without documents with JavaScript off, a mistake beside its field, and shows the slip', async () => {
    const context = await signedIn({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(url('/staff/kasus-baru'))
    await reviewWithScript(local, page, 'field-intake')
    // Only the desa of the TKSK's own kecamatan are offered.
    const villages = (
      await page.$$eval('#f-applicant-villageCode option', (options) =>
        options.map((o) => o.getAttribute('value') ?? ''),
      )
    ).filter(Boolean)
    expect(villages.length).toBeGreaterThan(0)
    expect(villages.every((v) => v.startsWith('32.01.14.'))).toBe(true)

    await fillPerson(page, 'Pak Darto Suryana')
    await page.fill('#f-applicant-estimatedAge', '')
    await page.click('button:has-text("Catat kasus")')
    await page.waitForSelector('#f-applicant-estimatedAge-error')
    expect(await page.inputValue('#f-applicant-name')).toBe('Pak Darto Suryana')
    await reviewRefusedWithScript()

    await page.fill('#f-applicant-estimatedAge', '62')
    await page.check('#f-consent')
    await page.click('button:has-text("Catat kasus")')
    await page.waitForURL(/\/staff\/cases\/[^/]+\/tanda-terima$/)
    const reference = (await page.textContent('.reference'))?.trim() ?? ''
    expect(reference).toMatch(/^320114-\d{4}-\d{6}$/)
    await reviewWithScript(local, page, 'field-intake-slip')
    expect(await casesOf(reference)).toHaveLength(1)
    await context.close()
  })

  it('keeps what is typed on the device without signal and files one case when sent again', async () => {
    const context = await signedIn({ javaScriptEnabled: true })
    const page = await context.newPage()
    await page.goto(url('/staff/kasus-baru'))
    await fillPerson(page, 'Ibu Warsih')
    await page.selectOption('#f-applicant-nikStatus', '')
    await page.fill('#f-applicant-nik', '3201144507800099')

    // Left and opened again: the draft comes back, the NIK never (it is not kept on the device).
    await page.goto(url('/staff/tasks'))
    await page.goto(url('/staff/kasus-baru'))
    await page.waitForSelector('[data-draft-note]:has-text("Draf dipulihkan")')
    expect(await page.inputValue('#f-applicant-name')).toBe('Ibu Warsih')
    expect(await page.inputValue('#f-applicant-nik')).toBe('')
    await page.selectOption('#f-applicant-nikStatus', 'UNKNOWN')
    await page.check('#f-consent')

    // No signal: the page stays, says so, and nothing is filed.
    await context.setOffline(true)
    await page.click('button:has-text("Catat kasus")')
    await page.waitForSelector('[data-draft-status]:has-text("Tidak ada koneksi")')
    expect(await page.inputValue('#f-applicant-name')).toBe('Ibu Warsih')
    await context.setOffline(false)

    await page.click('button:has-text("Catat kasus")')
    await page.waitForURL(/\/staff\/cases\/[^/]+\/tanda-terima$/)
    const reference = (await page.textContent('.reference'))?.trim() ?? ''
    expect(await casesOf(reference)).toHaveLength(1)
    await context.close()
  })

  it('is the TKSK’s only: Dinsos is refused', async () => {
    const context = await signedIn({ javaScriptEnabled: false }, 'dinsos.bogor')
    const page = await context.newPage()
    const response = await page.goto(url('/staff/kasus-baru'))
    expect(response?.status()).toBe(403)
    await context.close()
  })
})
