/**
 * The laporan bulanan that travels in Chromium at 360 px (issue 16 item 5, ADR 0039),
 * with JavaScript off: the TKSK opens the month's report, is told beside the fields that
 * an empty narrative cannot be sent, writes it and sends it; Dinsos sees it on the
 * kabupaten's list, returns it with a note the TKSK then reads, and takes the corrected
 * report; the province's office lands on its roll-up. Every page passes axe-core without
 * serious or critical violations and does not scroll sideways.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserPlatform, reviewWithScript } from './browser'

const local = browserPlatform()
const { url } = local

const review = (shown: Page, name: string) => reviewWithScript(local, shown, name)

const signIn = async (page: Page, username: string) => {
  await page.goto(url('/login'))
  await page.selectOption('#f-username', username)
  await page.click('button:has-text("Masuk")')
}

const asUser = async (username: string) => {
  const context = await local.browser.context({ javaScriptEnabled: false })
  const page = await context.newPage()
  await signIn(page, username)
  return { context, page }
}

describe('the laporan bulanan page in the browser', () => {
  it('travels from the TKSK to Dinsos and back, with forms that need no JavaScript', async () => {
    const tksk = await asUser('tksk.leuwiliang')
    await tksk.page.click('nav a:has-text("Laporan bulanan")')
    await tksk.page.waitForURL(/\/staff\/laporan-bulanan$/)
    expect(await tksk.page.textContent('main')).toContain('Belum dibuat')
    await tksk.page.click('button:has-text("Buka laporan bulan ini")')
    await tksk.page.waitForURL(/disimpan=buka/)
    expect(await tksk.page.textContent('main')).toContain('PPKS ditemukan')
    await review(tksk.page, 'laporan-draf')

    await tksk.page.click('button:has-text("Kirim ke Dinas Sosial")')
    expect(await tksk.page.textContent('.field:has(#f-masalah)')).toContain('Isi masalah sebelum mengirim.')
    await tksk.page.fill('#f-masalah', 'Lansia terlantar di Karehkel belum terdata.')
    await tksk.page.fill('#f-tindakLanjut', 'Pendataan bersama PSM minggu depan.')
    await tksk.page.click('button:has-text("Simpan narasi")')
    await tksk.page.waitForURL(/disimpan=narasi/)
    await tksk.page.click('button:has-text("Kirim ke Dinas Sosial")')
    await tksk.page.waitForURL(/disimpan=kirim/)
    expect(await tksk.page.textContent('[role=status]')).toContain('Laporan dikirim ke Dinas Sosial.')
    expect(await tksk.page.locator('#f-masalah').count()).toBe(0)

    const dinsos = await asUser('dinsos.bogor')
    await dinsos.page.goto(url('/staff/laporan-bulanan'))
    expect(await dinsos.page.textContent('#pengiriman + div, main')).toContain('Dikirim')
    await review(dinsos.page, 'laporan-kabupaten')
    await dinsos.page.click('a:has-text("Leuwiliang")')
    await dinsos.page.fill('#f-note', 'no')
    await dinsos.page.click('button:has-text("Kembalikan ke TKSK")')
    expect(await dinsos.page.textContent('.field:has(#f-note)')).toContain('minimal 5 karakter')
    await dinsos.page.fill('#f-note', 'Sebutkan jumlah lansia per desa.')
    await dinsos.page.click('button:has-text("Kembalikan ke TKSK")')
    await dinsos.page.waitForURL(/disimpan=kembalikan/)

    await tksk.page.reload()
    expect(await tksk.page.textContent('main')).toContain('Sebutkan jumlah lansia per desa.')
    await review(tksk.page, 'laporan-dikembalikan')
    await tksk.page.fill('#f-masalah', 'Lansia terlantar: Karehkel 12 orang, Leuwiliang 7 orang.')
    await tksk.page.click('button:has-text("Simpan narasi")')
    await tksk.page.waitForURL(/disimpan=narasi/)
    await tksk.page.click('button:has-text("Kirim ke Dinas Sosial")')
    await tksk.page.waitForURL(/disimpan=kirim/)

    await dinsos.page.reload()
    await dinsos.page.click('button:has-text("Terima laporan")')
    await dinsos.page.waitForURL(/disimpan=terima/)
    expect(await dinsos.page.textContent('main')).toContain('Diterima')
    await review(dinsos.page, 'laporan-diterima')
    await tksk.context.close()
    await dinsos.context.close()
  })

  it('the province office lands on the roll-up of its kabupaten/kota', async () => {
    const province = await asUser('dinsos.jabar')
    await province.page.waitForURL(/\/staff\/laporan-bulanan$/)
    expect(await province.page.textContent('#rekap-provinsi')).toContain('Rekap kabupaten/kota')
    expect(await province.page.textContent('main')).toContain('Kab. Bogor')
    expect(await province.page.textContent('main')).not.toContain('Bandar Lampung')
    // /staff/laporan answers a kecamatan or kabupaten only: the menu does not offer it here.
    expect(await province.page.locator('nav a[href="/staff/laporan"]').count()).toBe(0)
    await review(province.page, 'laporan-provinsi')
    await province.context.close()
  })
})
