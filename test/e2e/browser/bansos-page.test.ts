/**
 * Issue 15 item 4 in Chromium at 360 px (ADR 0036): "Pengaduan & Usulan Bansos" works
 * with JavaScript off (the desa picked in GET steps, the form posted), a proposal without
 * desa is refused beside the field, the receipt gives the reference and access code, the
 * status page shows an objection without the objected person; each state passes axe and
 * does not scroll sideways.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserPlatform, reviewPage } from './browser'

const local = browserPlatform()
const thisMonth = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .slice(0, 7)
const { url } = local

const review = reviewPage

const step = async (page: Page, select: string, value: string) => {
  await page.selectOption(select, value)
  await Promise.all([
    page.waitForLoadState('load'),
    page.click('button:has-text("Tampilkan pilihan berikutnya")'),
  ])
}

/** Province, kabupaten and kecamatan by the GET steps (no script), then the desa of the form. */
const pickDesa = async (page: Page, villageField: string) => {
  await step(page, '#area-province', '32')
  await step(page, '#area-regency', '32.01')
  await step(page, '#area-district', '32.01.14')
  await page.selectOption(`#f-${villageField.replace('.', '-')}`, '32.01.14.2001')
}

const send = (page: Page) =>
  Promise.all([page.waitForLoadState('load'), page.click('#bansos-form button[type=submit]')])

describe('the page "Pengaduan & Usulan Bansos"', () => {
  it('files a proposal without JavaScript at 360 px and refuses one without desa beside the field', async () => {
    const context = await local.browser.context({ javaScriptEnabled: false, width: 360 })
    const page = await context.newPage()
    await page.goto(url('/pengaduan?jenis=usul'))
    expect(await page.textContent('h1')).toContain('Pengaduan & Usulan Bansos')

    await page.selectOption('#f-program', 'PKH')
    await page.fill('#f-family-name', 'Bapak Karta Wijaya')
    await page.fill('#f-family-address', 'Kp. Cibeber RT 03/02')
    await page.fill('#f-reason', 'Tiga anak sekolah, ayah buruh harian lepas.')
    await page.fill('#f-proposer-name', 'Ketua RT 03')
    await page.check('#f-consent')
    await send(page)
    expect(await page.textContent('#f-family-villageCode-error')).toContain('Desa/kelurahan wajib dipilih')
    expect(await page.inputValue('#f-family-name')).toBe('Bapak Karta Wijaya')

    await pickDesa(page, 'family.villageCode')
    // The steps are their own GET form: what was typed in the main form is not in the address bar.
    expect(page.url()).not.toContain('Karta')
    await page.selectOption('#f-program', 'PKH')
    await page.fill('#f-family-name', 'Bapak Karta Wijaya')
    await page.fill('#f-family-address', 'Kp. Cibeber RT 03/02')
    await page.fill('#f-reason', 'Tiga anak sekolah, ayah buruh harian lepas.')
    await page.fill('#f-proposer-name', 'Ketua RT 03')
    await page.check('#f-consent')
    await send(page)
    expect(await page.textContent('h1')).toContain('Pengajuan diterima')
    expect(await page.textContent('main')).toMatch(/320114-\d{4}-\d{6}/)
    await context.close()
  })

  it('files an objection whose filer sees the status but never the objected person', async () => {
    const context = await local.browser.context({ javaScriptEnabled: false, width: 360 })
    const page = await context.newPage()
    await page.goto(url('/pengaduan?jenis=sanggah'))
    await pickDesa(page, 'subject.villageCode')
    await page.selectOption('#f-program', 'BPNT')
    await page.fill('#f-subject-name', 'Haji Sobari Rahmat')
    await page.selectOption('#f-reason', 'MAMPU')
    await page.fill('#f-description', 'Sudah punya toko bangunan dan dua mobil.')
    await page.check('#f-consent')
    await send(page)
    const receipt = (await page.textContent('main')) ?? ''
    expect(receipt).not.toContain('Sobari')
    const reference = /320114-\d{4}-\d{6}/.exec(receipt)?.[0] ?? ''
    const accessCode = (await page.textContent('dd:nth-of-type(2) strong')) ?? ''
    expect(accessCode).toMatch(/^[A-Z2-9]{6}$/)

    await page.goto(url('/status'))
    await page.fill('#f-reference', reference)
    await page.fill('#f-accessCode', accessCode)
    await Promise.all([page.waitForLoadState('load'), page.click('form[action="/status"] button')])
    const status = (await page.textContent('main')) ?? ''
    expect(status).toContain('Sanggahan penerima bansos')
    for (const secret of ['Sobari', 'toko bangunan', 'Cibeber']) expect(status).not.toContain(secret)
    await context.close()
  })

  it('passes axe at 360 px in each state: the three forms, the errors, the receipt', async () => {
    // axe runs in the page: a context with JavaScript, on pages that need none.
    const context = await local.browser.context({ width: 360 })
    const page = await context.newPage()
    for (const jenis of ['pengaduan', 'usul', 'sanggah']) {
      await page.goto(url(`/pengaduan?jenis=${jenis}`))
      await review(page, `bansos-${jenis}`)
    }
    await page.goto(url('/pengaduan?jenis=pengaduan'))
    await page.check('#f-consent')
    await send(page)
    await page.waitForSelector('#f-complainant-name-error')
    await review(page, 'bansos-pengaduan-errors')
    await pickDesa(page, 'complainant.villageCode')
    await page.selectOption('#f-program', 'BPNT')
    await page.selectOption('#f-complaintType', 'KARTU_BERMASALAH')
    await page.fill('#f-period', thisMonth())
    await page.fill('#f-description', 'Kartu KKS tertelan mesin ATM dan belum diganti.')
    await page.fill('#f-complainant-name', 'Ibu Warsih')
    await page.fill('#f-complainant-address', 'Kp. Cibeber RT 01/02')
    await page.check('#f-consent')
    await send(page)
    expect(await page.textContent('h1')).toContain('Pengajuan diterima')
    await review(page, 'bansos-receipt')
    await context.close()
  })
})
