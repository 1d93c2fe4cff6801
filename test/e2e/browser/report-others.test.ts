/**
 * "Saya melaporkan orang lain" in Chromium without JavaScript at 360 px (issue 15): the
 * RT reports a man without KTP or KK; the mode and the area survive the GET steps; a
 * mistake is shown beside its field; the reporter follows the status with the reference
 * and access code and never sees the person's data. Each page reviewed with axe.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserPlatform, reviewPage, reviewWithScript } from './browser'

const local = browserPlatform()
const { url } = local

const PERSON = 'Pak Darto Suryana'

const pickLeuwiliang = async (page: Page) => {
  await page.selectOption('#area-province', '32')
  await page.click('text=Tampilkan pilihan berikutnya')
  await page.selectOption('#area-regency', '32.01')
  await page.click('text=Tampilkan pilihan berikutnya')
  await page.selectOption('#area-district', '32.01.14')
  await page.click('text=Tampilkan pilihan berikutnya')
  await page.selectOption('#f-applicant-villageCode', '32.01.14.2001')
}

const fillReport = async (page: Page, relation = 'RT_RW') => {
  await page.fill('#f-reporter-name', 'Ujang Ketua RT')
  await page.selectOption('#f-reporter-relation', relation)
  await page.fill('#f-reporter-phone', '081298765432')
  await page.fill('#f-applicant-name', PERSON)
  await page.selectOption('#f-applicant-nikStatus', 'NONE')
  await page.selectOption('#f-applicant-kkStatus', 'NONE')
  await page.selectOption('#f-applicant-birthDateStatus', 'UNKNOWN')
  await page.fill('#f-applicant-estimatedAge', '62')
  await page.fill('#f-applicant-address', 'Kolong jembatan Cibeber')
  await page.selectOption('#f-category', 'GELANDANGAN')
  await page.selectOption('#f-service', 'REHABILITASI_SOSIAL')
  await page.check('#f-consent')
}

/** The refused post is a state no URL reaches: posted again where script runs, for axe (it needs script). */
const reviewRefusedWithScript = async () => {
  const context = await local.browser.context({ width: 360 })
  const page = await context.newPage()
  await page.goto(url('/?untuk=orang-lain&area=32.01.14'))
  await page.selectOption('#f-applicant-villageCode', '32.01.14.2001')
  await fillReport(page)
  await page.fill('#f-applicant-estimatedAge', '')
  await page.click('button:has-text("Kirim permohonan")')
  await page.waitForSelector('#f-applicant-estimatedAge-error')
  await reviewPage(page, 'report-form-errors')
  await context.close()
}

describe('a report by someone else, without JavaScript', () => {
  it('is filed by the RT for a man without documents, and followed without seeing his data', async () => {
    const context = await local.browser.context({ javaScriptEnabled: false, width: 360 })
    const page = await context.newPage()
    await page.goto(url('/'))
    await page.click('a:has-text("Saya melaporkan orang lain")')
    await reviewWithScript(local, page, 'report-form')
    await pickLeuwiliang(page)
    expect(new URL(page.url()).searchParams.get('untuk')).toBe('orang-lain')
    expect(await page.isVisible('#f-reporter-name')).toBe(true)

    // Estimated age missing: the form comes back in the same mode, the error beside its field.
    await fillReport(page)
    await page.fill('#f-applicant-estimatedAge', '')
    await page.click('button:has-text("Kirim permohonan")')
    await page.waitForSelector('#f-applicant-estimatedAge-error')
    expect(await page.inputValue('#f-reporter-name')).toBe('Ujang Ketua RT')
    await reviewRefusedWithScript()

    await page.fill('#f-applicant-estimatedAge', '62')
    await page.check('#f-consent')
    await page.click('button:has-text("Kirim permohonan")')
    await page.waitForURL(/\/confirmation\?reference=/)
    const reference = (await page.textContent('.reference'))?.trim() ?? ''
    const accessCode = (await page.textContent('#kode-akses'))?.trim() ?? ''
    expect(reference).toMatch(/^320114-\d{4}-\d{6}$/)

    await page.goto(url(`/status?reference=${reference}`))
    await page.fill('#f-accessCode', accessCode)
    await page.click('button:has-text("Cek status")')
    const main = (await page.textContent('main')) ?? ''
    expect(main).toContain(reference)
    for (const secret of ['Darto', 'Kolong', 'Gelandangan', 'Rehabilitasi', 'Ujang'])
      expect(main).not.toContain(secret)
    await reviewWithScript(local, page, 'report-status')
    await context.close()
  })
})
