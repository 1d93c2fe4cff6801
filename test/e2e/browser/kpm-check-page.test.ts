/**
 * Issue 15.5 in Chromium at 360 px: "Apakah keluarga saya KPM?" works with JavaScript
 * off (a POST form: the KK and the date never reach the address bar), shows only the
 * programs and their status, the same "not found" for a wrong date as for an unknown
 * KK, and errors next to their fields; each state passes axe and does not scroll sideways.
 */
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { createVervalDriver, currentPeriod, family } from '../../integration/verval/verval-driver'
import { browserPlatform, reviewPage } from './browser'

const local = browserPlatform()
const verval = createVervalDriver(() => local.platform.url)
const { url } = local

/** A woman born 12 March 1975 (day + 40 in her NIK), pengurus of a BPNT family in Leuwiliang. */
const KPM = family(3201, '320114', { nik: '3201145203750321', no_kk: '3201140101100321' })
const BIRTH_DATE = '1975-03-12'

beforeAll(async () => {
  const batchId = await verval.uploadOk([KPM], 'tksk.leuwiliang', `program=BPNT&period=${currentPeriod()}`)
  await verval.waitFor(batchId, ['AWAITING_APPROVAL'])
  expect((await verval.decide(batchId, 'APPROVE')).status).toBe(200)
  await verval.waitFor(batchId, ['APPLIED'])
})

/** Fills and posts the form as a resident does: typed, then the button. */
const submit = async (page: Page, kk: string, birthDate: string) => {
  await page.fill('#f-kk', kk)
  await page.fill('#f-birthDate', birthDate)
  await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Cek KPM")')])
}

const review = reviewPage

describe('the KPM check page', () => {
  it('shows the programs and their status without JavaScript at 360 px, and nothing about any person', async () => {
    const context = await local.browser.context({ javaScriptEnabled: false, width: 360 })
    const page = await context.newPage()
    await page.goto(url('/cek-kpm'))
    expect(await page.textContent('h1')).toContain('KPM')
    await submit(page, KPM.no_kk, BIRTH_DATE)
    expect(new URL(page.url()).pathname).toBe('/cek-kpm')
    expect(page.url()).not.toContain(KPM.no_kk)
    const result = (await page.textContent('#hasil + p + ul')) ?? ''
    expect(result).toMatch(/BPNT\/Sembako\)\s*:\s*Terdaftar aktif/)
    expect(result).toMatch(/PKH\)\s*:\s*Tidak terdaftar/)
    expect(result).toMatch(/PBI-JK\)\s*:\s*Tidak terdaftar/)
    const main = (await page.textContent('main')) ?? ''
    for (const value of [KPM.nama, KPM.nik, KPM.no_kk, KPM.alamat, KPM.nik.slice(-4), '1975'])
      expect(main).not.toContain(value)
    expect(await page.inputValue('#f-kk')).toBe('')
    await context.close()
  })

  it('answers a wrong date as an unknown KK, and shows bad input next to its fields, without JavaScript', async () => {
    const context = await local.browser.context({ javaScriptEnabled: false, width: 360 })
    const page = await context.newPage()
    await page.goto(url('/cek-kpm'))
    await submit(page, KPM.no_kk, '1975-03-13')
    const wrongDate = await page.textContent('[role=alert]')
    await submit(page, '3201140101109998', BIRTH_DATE)
    expect(await page.textContent('[role=alert]')).toBe(wrongDate)
    expect(wrongDate).toContain('Tidak ada data KPM')

    // Neither value is refused by the browser (no pattern, no max): the server says why.
    await submit(page, '12345', '2999-01-01')
    expect(await page.textContent('#f-kk-error')).toContain('16 digit')
    expect(await page.textContent('#f-birthDate-error')).toContain('masa depan')
    expect(await page.getAttribute('#f-kk', 'aria-describedby')).toContain('f-kk-error')
    await context.close()
  })

  it('passes axe at 360 px in each state: the form, the result, not found, and the errors', async () => {
    const context = await local.browser.context({ width: 360 })
    const page = await context.newPage()
    await page.goto(url('/cek-kpm'))
    await review(page, 'kpm-check-empty')
    await submit(page, KPM.no_kk, BIRTH_DATE)
    expect(await page.textContent('[role=status]')).toContain('tercatat')
    await review(page, 'kpm-check-result')
    await submit(page, KPM.no_kk, '1975-03-14')
    expect(await page.textContent('[role=alert]')).toContain('Tidak ada data KPM')
    await review(page, 'kpm-check-not-found')
    await submit(page, '12345', '2999-01-01')
    await page.waitForSelector('#f-kk-error')
    await review(page, 'kpm-check-errors')
    await context.close()
  })
})
