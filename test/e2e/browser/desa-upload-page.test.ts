/**
 * Issue 21 item 1 in Chromium at 360 px with JavaScript off: a desa opens its mailed
 * musdes link, a row of another desa comes back with its field path, the corrected file
 * is taken; the TKSK's verval page then shows what arrived per desa. Each state passes axe
 * and does not scroll sideways.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { nowMs } from '../../../functions/shared/clock'
import { createVervalDriver, csvOf, currentPeriod, family } from '../../integration/verval/verval-driver'
import { browserPlatform, reviewPage } from './browser'

const local = browserPlatform()
const verval = createVervalDriver(() => local.platform.url)
const { url } = local

const PABANGBON = '32.01.14.2004'
const KARACAK = '32.01.14.2005'
const links = new Map<string, string>()

/** The musdes link mailed to a desa, waiting for the mailer to send it. */
const linkOf = async (desaCode: string): Promise<string> => {
  const to = `desa.${desaCode.replaceAll('.', '')}@desa.bogorkab.local`
  for (let attempt = 0; attempt < 150; attempt++) {
    const mail = (await verval.outbox(to)).find((m) => m.subject.includes('musdes'))
    const link = mail?.links.find((l) => l.includes('/t/'))
    if (link) return link
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`no musdes link mailed to ${desaCode}`)
}

beforeAll(async () => {
  const sent = await verval.call('tksk.leuwiliang', '/api/verval-desa/links', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ program: 'BPNT', period: currentPeriod() }),
  })
  expect(sent.status).toBe(200)
  for (const desa of [PABANGBON, KARACAK]) links.set(desa, await linkOf(desa))
})

const review = reviewPage

const today = () => new Date(nowMs() + 7 * 3600_000).toISOString().slice(0, 10)

const send = async (page: Page, file: string) => {
  await page.fill('#f-musdesDate', today())
  await page.setInputFiles('#f-file', file)
  // The form posts to the link's own /musdes address: wait for that document, not the old one's load.
  await Promise.all([
    page.waitForEvent('framenavigated'),
    page.click('button:has-text("Kirim hasil musdes")'),
  ])
  await page.waitForLoadState('load')
}

const files = (kodeDesa: string, n: number) => {
  const wrong = join(local.platform.dataDir, `musdes-salah-${kodeDesa}.csv`)
  writeFileSync(wrong, csvOf([family(8001, '320114', { kode_desa: '32.01.14.2001' })]))
  const right = join(local.platform.dataDir, `musdes-${kodeDesa}.csv`)
  writeFileSync(right, csvOf([family(n, '320114', { kode_desa: kodeDesa })]))
  return { wrong, right }
}

describe('the desa musdes upload page', () => {
  it('takes the desa’s own rows without JavaScript at 360 px, after showing a foreign row with its path', async () => {
    const context = await local.browser.context({ javaScriptEnabled: false, width: 360 })
    const page = await context.newPage()
    await page.goto(links.get(PABANGBON) ?? '')
    expect(await page.textContent('h1')).toContain('Hasil musdes Desa Pabangbon')
    const { wrong, right } = files(PABANGBON, 8001)
    await send(page, wrong)
    expect(await page.textContent('[role=alert]')).toContain('rows.2.kode_desa')
    expect(await page.getAttribute('#f-musdesDate', 'value')).toBe(today())
    await send(page, right)
    expect(await page.textContent('main')).toContain('diterima: 1 baris')
    await context.close()
  })

  // axe runs its checks on timers, which a tab without JavaScript does not fire: the
  // states are reviewed in a tab with it, as the other page tests do (the page has no script).
  it('shows the form, a refused and a taken upload with pages that pass axe at 360 px', async () => {
    const context = await local.browser.context({ width: 360 })
    const page = await context.newPage()
    await page.goto(links.get(KARACAK) ?? '')
    await review(page, 'desa-upload')
    const { wrong, right } = files(KARACAK, 8002)
    await send(page, wrong)
    await review(page, 'desa-upload-error')
    await send(page, right)
    expect(await page.textContent('main')).toContain('diterima: 1 baris')
    await review(page, 'desa-upload-done')
    await context.close()
  })

  it('shows the TKSK per desa what arrived, without JavaScript at 360 px', async () => {
    const context = await local.browser.context({ javaScriptEnabled: false, width: 360 })
    const page = await context.newPage()
    await page.goto(url('/login'))
    await page.selectOption('#f-username', 'tksk.leuwiliang')
    await page.click('button:has-text("Masuk")')
    await page.waitForURL(/\/staff\/tasks$/)
    await page.goto(url(`/staff/verval?program=BPNT&period=${currentPeriod()}`))
    const row = (await page.textContent('tr:has-text("Desa Pabangbon")')) ?? ''
    expect(row).toContain('Sudah masuk')
    expect(row).toContain(today())
    expect(await page.textContent('tr:has-text("Desa Leuwiliang")')).toContain('Menunggu unggahan desa')
    const shown = await local.browser.context({ width: 360 })
    await shown.addCookies(await context.cookies())
    const reviewed = await shown.newPage()
    await reviewed.goto(page.url())
    await review(reviewed, 'verval-desa-parts')
    await shown.close()

    // Asking again mails nobody already asked.
    await page.click('button:has-text("Kirim tautan ke desa")')
    expect(await page.textContent('#desa ~ [role=status], section [role=status]')).toContain(
      '0 tautan dikirim; 11 desa sudah dikirimi sebelumnya',
    )

    // The TKSK's row for a Pabangbon family the desa reported as BARU says HAPUS: refused, both sources named.
    const conflicting = join(local.platform.dataDir, 'tksk-bertentangan.csv')
    writeFileSync(
      conflicting,
      csvOf([family(8001, '320114', { kode_desa: PABANGBON, aksi: 'HAPUS', alasan: 'PINDAH' })]),
    )
    await page.setInputFiles('#f-gabung-file', conflicting)
    await page.click('button:has-text("Gabungkan jadi batch")')
    const alert = (await page.textContent('section[aria-labelledby=desa] [role=alert]')) ?? ''
    expect(alert).toContain(`Desa Pabangbon (musdes ${today()}) baris 2`)
    expect(alert).toContain('TKSK baris 2 (aksi BARU lawan HAPUS)')

    // Without their own file the TKSK composes the two desa parts into the batch.
    await page.click('button:has-text("Gabungkan jadi batch")')
    await page.waitForURL(/\/staff\/verval\/[0-9A-Z]{26}$/)
    const sources = (await page.textContent('section[aria-labelledby=sumber]')) ?? ''
    expect(sources).toContain(`Desa Karacak (musdes ${today()})`)
    expect(sources).toContain(`Desa Pabangbon (musdes ${today()})`)
    await context.close()
  })
})
