/**
 * The web interface in Chromium (issue 8): a resident files a request without
 * JavaScript, the area cascade works with it, errors sit next to their fields, the status
 * page shows the stage, the TKSK signs in and works the task, the approver and provider
 * act from their mailed links and the resident sees "Selesai". Every page passes axe-core
 * without serious or critical violations, weighs under 100 KB and is screenshotted at
 * 360 px and 1280 px.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { login, startTestPlatform, type TestPlatform } from '../../support/platform'
import { createDriver, EMAILS, nikOf } from '../../integration/case/case-driver'
import { axe, type Browser, launchBrowser, screenshots, seriousOf } from './browser'

let platform: TestPlatform
let browser: Browser
const driver = createDriver(() => platform.url)
const url = (path: string) => `${platform.url}${path}`

beforeAll(async () => {
  ;[platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await platform?.dispose()
})

/** What the resident types; the NIK is a woman born 5 July 1980 in Leuwiliang. */
const RESIDENT = {
  name: 'Siti <b>Aminah</b>',
  nik: nikOf(11),
  kk: '3201140101100001',
  birthDate: '1980-07-05',
  address: 'Kp. Cibeber RT 02/03',
  phone: '081234567890',
}

const fillApplicant = async (page: Page, overrides: Partial<typeof RESIDENT> = {}) => {
  const data = { ...RESIDENT, ...overrides }
  await page.fill('#f-applicant-name', data.name)
  await page.fill('#f-applicant-nik', data.nik)
  await page.fill('#f-applicant-kk', data.kk)
  await page.fill('#f-applicant-birthDate', data.birthDate)
  await page.fill('#f-applicant-address', data.address)
  await page.fill('#f-applicant-phone', data.phone)
  await page.selectOption('#f-category', 'FAKIR_MISKIN')
  await page.selectOption('#f-service', 'JAMKESDA')
  await page.fill('#f-description', 'Butuh jaminan berobat <script>alert(1)</script>')
  await page.check('#f-consent')
}

/** HTML plus the CSS and JS it loads, in bytes. */
const weights: Record<string, number> = {}
const weigh = async (name: string, path: string, cookie = '') => {
  const response = await fetch(url(path), { headers: cookie ? { cookie } : {} })
  const text = await response.text()
  let total = Buffer.byteLength(text)
  for (const [, asset] of text.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g))
    total += (await (await fetch(url((asset ?? '').replaceAll('&amp;', '&')))).arrayBuffer()).byteLength
  weights[name] = total
  expect(total, `${name} weighs ${total} bytes`).toBeLessThan(100_000)
}

/** axe, screenshots and weight of the page the tab shows. */
const axeFindings: Record<string, string[]> = {}
const review = async (page: Page, name: string, cookie = '') => {
  const violations = await axe(page)
  axeFindings[name] = violations.map((v) => `${v.id}:${v.impact}`)
  expect(seriousOf(violations), JSON.stringify(violations, null, 1)).toEqual([])
  await screenshots(page, name)
  const { pathname, search } = new URL(page.url())
  await weigh(name, `${pathname}${search}`, cookie)
}

const sessionCookieOf = async (page: Page) =>
  (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ')

let reference = ''
let caseId = ''

describe('the resident pages', () => {
  it('files a request without JavaScript, the area picked in GET steps, and shows the reference', async () => {
    const context = await browser.context({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(url('/'))
    expect(await page.isDisabled('#area-regency')).toBe(true)
    await page.selectOption('#area-province', '32')
    await page.click('text=Tampilkan pilihan berikutnya')
    expect(new URL(page.url()).searchParams.get('area')).toBe('32')
    await page.selectOption('#area-regency', '32.01')
    await page.click('text=Tampilkan pilihan berikutnya')
    await page.selectOption('#area-district', '32.01.14')
    await page.click('text=Tampilkan pilihan berikutnya')
    expect(new URL(page.url()).searchParams.getAll('area')).toEqual(['32', '32.01', '32.01.14'])
    await page.selectOption('#f-applicant-villageCode', '32.01.14.2001')
    await fillApplicant(page)
    await page.click('button:has-text("Kirim permohonan")')
    await page.waitForURL(/\/confirmation\?reference=/)
    reference = (await page.textContent('.reference'))?.trim() ?? ''
    expect(reference).toMatch(/^320114-\d{4}-\d{6}$/)
    expect(await page.textContent('h1')).toContain('Permohonan diterima')
    await context.close()
  })

  it('cascades the area selects in place with JavaScript', async () => {
    const context = await browser.context({ javaScriptEnabled: true })
    const page = await context.newPage()
    await page.goto(url('/'))
    // replaceState keeps the address bar on ?area=; only a real page load would count here.
    let loads = 0
    page.on('load', () => (loads += 1))
    expect(await page.isVisible('text=Tampilkan pilihan berikutnya')).toBe(false)
    await page.selectOption('#area-province', '32')
    await page.waitForSelector('#area-regency:not([disabled]) option[value="32.01"]', { state: 'attached' })
    await page.selectOption('#area-regency', '32.01')
    await page.waitForSelector('#area-district:not([disabled]) option[value="32.01.14"]', {
      state: 'attached',
    })
    await page.selectOption('#area-district', '32.01.14')
    await page.waitForSelector('#f-applicant-villageCode:not([disabled]) option[value="32.01.14.2001"]', {
      state: 'attached',
    })
    await page.selectOption('#f-applicant-villageCode', '32.01.14.2001')
    expect(loads).toBe(0)
    expect(new URL(page.url()).searchParams.get('area')).toBe('32.01.14.2001')
    // Changing the province clears the levels below it.
    await page.selectOption('#area-province', '18')
    await page.waitForSelector('#area-regency:not([disabled]) option[value="18.71"]', { state: 'attached' })
    expect(await page.isDisabled('#f-applicant-villageCode')).toBe(true)
    await review(page, 'request-form')
    await context.close()
  })

  it('shows a validation error next to its field and keeps what was typed', async () => {
    const context = await browser.context({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(url('/?area=32.01.14.2001'))
    expect(await page.inputValue('#f-applicant-villageCode')).toBe('32.01.14.2001')
    await fillApplicant(page, { nik: '12345' })
    await page.click('button:has-text("Kirim permohonan")')
    expect(new URL(page.url()).pathname).toBe('/')
    expect(await page.textContent('#f-applicant-nik-error')).toContain('16 digit')
    expect(await page.getAttribute('#f-applicant-nik', 'aria-invalid')).toBe('true')
    expect(await page.getAttribute('#f-applicant-nik', 'aria-describedby')).toContain('f-applicant-nik-error')
    expect(await page.inputValue('#f-applicant-nik')).toBe('12345')
    expect(await page.inputValue('#f-applicant-name')).toBe(RESIDENT.name)
    expect(await page.inputValue('#f-description')).toContain('<script>')
    expect(await page.inputValue('#f-applicant-villageCode')).toBe('32.01.14.2001')
    expect(await page.isChecked('#f-consent')).toBe(true)
    expect(await page.getAttribute('#f-applicant-birthDate', 'aria-invalid')).toBeNull()
    await context.close()
    const withJs = await browser.context()
    const again = await withJs.newPage()
    await again.goto(url('/?area=32.01.14.2001'))
    await fillApplicant(again, { nik: '12345' })
    await again.click('button:has-text("Kirim permohonan")')
    await again.waitForSelector('#f-applicant-nik-error')
    await review(again, 'request-form-errors')
    await withJs.close()
  })

  it('shows the stage on the status page, and the same "not found" for a wrong birth date', async () => {
    await driver.waitForStatus(reference, 'ASSESSMENT')
    const context = await browser.context()
    const page = await context.newPage()
    await page.goto(url(`/confirmation?reference=${reference}`))
    await review(page, 'confirmation')
    await Promise.all([page.waitForURL(/\/status\?/), page.click('a:has-text("Cek status permohonan")')])
    expect(await page.inputValue('#f-reference')).toBe(reference)
    await page.fill('#f-birthDate', '1980-07-06')
    await page.click('button:has-text("Cek status")')
    const notFound = await page.textContent('[role=alert]')
    expect(notFound).toContain('tidak cocok')
    await page.fill('#f-birthDate', RESIDENT.birthDate)
    await page.click('button:has-text("Cek status")')
    expect(await page.textContent('.progress [aria-current=step]')).toContain('Asesmen')
    expect(await page.textContent('main')).not.toContain(RESIDENT.nik)
    await review(page, 'status')
    await context.close()
  })
})

describe('the staff pages', () => {
  it('lets the TKSK sign in and see the task, the case list and the case with NIK masked', async () => {
    const context = await browser.context()
    const page = await context.newPage()
    await page.goto(url('/staff/tasks'))
    await page.waitForURL(/\/login\?next=/)
    await review(page, 'login')
    await page.selectOption('#f-username', 'tksk.leuwiliang')
    await page.click('button:has-text("Masuk")')
    await page.waitForURL(/\/staff\/tasks$/)
    const cookie = await sessionCookieOf(page)
    expect((await context.cookies()).find((c) => c.name === 'session')?.httpOnly).toBe(true)
    const row = page.locator('tr', { hasText: reference })
    expect(await row.textContent()).toContain('Asesmen kunjungan rumah')
    await review(page, 'staff-tasks', cookie)

    await page.click('text=Daftar kasus')
    await page.waitForURL(/\/staff\/cases/)
    expect(await page.textContent('tbody')).toContain(reference)
    await page.selectOption('#f-status', 'CLOSED')
    await page.click('button:has-text("Tampilkan")')
    expect(await page.textContent('main')).toContain('Tidak ada kasus')
    await page.goto(url('/staff/cases'))
    await review(page, 'staff-cases', cookie)

    await page.click(`a:has-text("${reference}")`)
    caseId = new URL(page.url()).pathname.split('/').at(-1) ?? ''
    const main = (await page.textContent('main')) ?? ''
    expect(main).toContain('320114******0011')
    expect(main).not.toContain(RESIDENT.nik)
    expect(main).toContain('Siti <b>Aminah</b>')
    await review(page, 'staff-case', cookie)
    await context.close()
  })

  it('answers a staff page without a session with the login, and a forged form with 403', async () => {
    const anonymous = await fetch(url('/staff/cases'), { redirect: 'manual' })
    expect(anonymous.status).toBe(303)
    expect(anonymous.headers.get('location')).toBe('/login?next=%2Fstaff%2Fcases')
    const token = await login(platform.url, 'tksk.leuwiliang')
    const tasks = (await (
      await fetch(url('/api/tasks'), { headers: { authorization: `Bearer ${token}` } })
    ).json()) as {
      items: { taskId: string }[]
    }
    const forged = await fetch(url(`/staff/tasks/${tasks.items[0]?.taskId}`), {
      method: 'POST',
      headers: { cookie: `session=${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        _csrf: 'forged',
        visitDate: '2026-01-10',
        findings: 'x',
        eligible: 'true',
        service: 'JAMKESDA',
      }),
      redirect: 'manual',
    })
    expect(forged.status).toBe(403)
    expect(forged.headers.get('content-type')).toContain('text/html')
  })
})

describe('a case to the end through the pages', () => {
  it('the TKSK assesses from the task page, the approver and the provider act from their mails, the resident sees "Selesai"', async () => {
    const context = await browser.context()
    const page = await context.newPage()
    await page.goto(url('/login'))
    await page.selectOption('#f-username', 'tksk.leuwiliang')
    await page.click('button:has-text("Masuk")')
    await page.waitForURL(/\/staff\/tasks$/)
    await page.locator('tr', { hasText: reference }).locator('a:has-text("Kerjakan")').click()
    await page.waitForURL(/\/staff\/tasks\/[0-9A-Z]{26}$/)
    // A submit with a field missing comes back with the error and what was typed.
    await page.fill('#visitDate', '2026-01-10')
    await page.check('input[name=eligible][value=true]')
    await page.selectOption('#service', 'JAMKESDA')
    await page.click('button:has-text("Kirim keputusan")')
    expect(await page.isVisible('#findings-error')).toBe(true)
    expect(await page.inputValue('#visitDate')).toBe('2026-01-10')
    await review(page, 'staff-task', await sessionCookieOf(page))
    await page.fill('#findings', 'Rumah semi permanen, tidak ada penghasilan tetap')
    await page.click('button:has-text("Kirim keputusan")')
    await page.waitForURL(/\/staff\/tasks\?done=/)
    expect(await page.textContent('[role=status]')).toContain(reference)
    await context.close()

    await driver.waitForStatus(reference, 'RECOMMENDATION')
    const approver = await browser.context()
    const approval = await approver.newPage()
    await approval.goto(driver.linkIn(await driver.mail(EMAILS.dinsos, reference, 'Persetujuan')))
    await review(approval, 'link-approval')
    await approval.check('input[name=decision][value=APPROVE]')
    await approval.click('button:has-text("Kirim keputusan")')
    expect(await approval.textContent('h1')).toContain('Terima kasih')
    await approver.close()

    await driver.waitForStatus(reference, 'REFERRAL')
    const provider = await browser.context()
    const link = await provider.newPage()
    await link.goto(driver.linkIn(await driver.mail(EMAILS.puskesmas, reference, 'Tanggapan')))
    await link.check('input[name=response][value=ACCEPT]')
    await link.click('button:has-text("Kirim keputusan")')
    await link.goto(driver.linkIn(await driver.mail(EMAILS.puskesmas, reference, 'Laporan hasil')))
    await link.check('input[name=result][value=SERVED]')
    await link.click('button:has-text("Kirim keputusan")')
    expect(await link.textContent('h1')).toContain('Terima kasih')
    await provider.close()

    await driver.waitForStatus(reference, 'CLOSED', 'FULFILLED')
    const resident = await browser.context({ javaScriptEnabled: false })
    const status = await resident.newPage()
    await status.goto(url(`/status?reference=${reference}&birthDate=${RESIDENT.birthDate}`))
    expect(await status.textContent('.progress [aria-current=step]')).toContain('Selesai: Terlayani')
    await resident.close()
    const closed = await browser.context()
    const closedPage = await closed.newPage()
    await closedPage.goto(url(`/status?reference=${reference}&birthDate=${RESIDENT.birthDate}`))
    await review(closedPage, 'status-closed')
    await closed.close()
    expect(caseId).toMatch(/^[0-9A-Z]{26}$/)
  })

  it('reports the page weights and axe findings', () => {
    console.log(`page weights (HTML+CSS+JS bytes): ${JSON.stringify(weights)}`)
    console.log(`axe findings (none serious or critical): ${JSON.stringify(axeFindings)}`)
    expect(Object.keys(weights).length).toBeGreaterThanOrEqual(10)
  })
})
