/**
 * The web interface in Chromium (issue 8): a resident files a request without
 * JavaScript, the area cascade works with it, errors sit next to their fields, the status
 * page shows the stage, the TKSK signs in and works the task, the approver and provider
 * act from their mailed links and the resident sees "Selesai". The assessment form keeps
 * what was typed when the connection drops. Then the page tour (`page-tour.ts`) visits
 * every page of the list below: axe-core without serious or critical violations, no
 * sideways scrolling at 360 px, under its weight limit, screenshotted at 360 px and 1280 px.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { login } from '../../support/platform'
import { ASSESSED, createDriver, EMAILS, intakeBody, nikOf } from '../../integration/case/case-driver'
import { qrSvg } from '../../../functions/web/qr-code'
import { browserPlatform, reviewPage, SCREENSHOT_DIR, screenshots } from './browser'
import { type TourData, type TourResult, type TourStop, visit, weightTable } from './page-tour'

const local = browserPlatform()
const driver = createDriver(() => local.platform.url)
const { url } = local

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

/**
 * The quality bar of a state no URL reaches (a refused POST shown with its errors); every
 * page a URL reaches is in the tour below, which also weighs it.
 */
const review = reviewPage

/** The line boxes of the slip's reference number (a string: it runs in the page). */
const LINES_OF_REFERENCE = `(() => {
  const range = document.createRange()
  range.selectNodeContents(document.querySelector('.reference'))
  return new Set([...range.getClientRects()].map((box) => Math.round(box.top))).size
})()`

let reference = ''
let accessCode = ''
let caseId = ''
let approvalLink = ''

describe('the resident pages', () => {
  it('files a request without JavaScript, the area picked in GET steps, and shows the reference', async () => {
    const context = await local.browser.context({ javaScriptEnabled: false })
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
    accessCode = (await page.textContent('#kode-akses'))?.trim() ?? ''
    expect(accessCode).toMatch(/^[A-Z2-9]{6}$/)
    expect(page.url()).not.toContain(accessCode)
    expect(await page.textContent('h1')).toContain('Permohonan diterima')
    // At 360 px the number a resident copies down stays on one line, not "…-00000" and "1" below.
    expect(await page.evaluate(LINES_OF_REFERENCE)).toBe(1)
    await context.close()
  })

  it('enlarges the reference number and the text with the reader’s default font size at 360 px (WCAG 1.4.4)', async () => {
    const context = await local.browser.context({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(url(`/confirmation?reference=${reference}`))
    // A larger default font in the browser's settings is a larger root font size.
    const referenceAt = (rootSize: string) =>
      page.evaluate<{ size: number; text: number; lines: number; overflows: boolean }>(`(() => {
        document.documentElement.style.fontSize = '${rootSize}'
        const number = document.querySelector('.reference')
        return {
          size: parseFloat(getComputedStyle(number).fontSize),
          text: parseFloat(getComputedStyle(document.body).fontSize),
          lines: ${LINES_OF_REFERENCE},
          overflows: number.scrollWidth > number.clientWidth,
        }
      })()`)
    const normal = await referenceAt('100%')
    expect(normal.lines).toBe(1)
    const doubled = await referenceAt('200%')
    expect(doubled.size / normal.size).toBeGreaterThanOrEqual(1.5)
    // The page's own text follows the reader's size too (it was a fixed 16px).
    expect(doubled.text / normal.text).toBe(2)
    // Larger than the line allows, it wraps at its hyphens instead of running off the screen.
    expect(doubled.overflows).toBe(false)
    await context.close()
  })

  it('cascades the area selects in place with JavaScript', async () => {
    const context = await local.browser.context({ javaScriptEnabled: true })
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
    await context.close()
  })

  it('shows a validation error next to its field and keeps what was typed', async () => {
    const context = await local.browser.context({ javaScriptEnabled: false })
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
    const withJs = await local.browser.context()
    const again = await withJs.newPage()
    await again.goto(url('/?area=32.01.14.2001'))
    await fillApplicant(again, { nik: '12345' })
    await again.click('button:has-text("Kirim permohonan")')
    await again.waitForSelector('#f-applicant-nik-error')
    await review(again, 'request-form-errors')
    await withJs.close()
  })

  it('shows the stage on the status page by access code (a POST: nothing in the URL), and the same "not found" for a wrong code', async () => {
    driver.accessCodes.set(reference, accessCode)
    await driver.waitForStatus(reference, 'ASSESSMENT')
    const context = await local.browser.context()
    const page = await context.newPage()
    await page.goto(url(`/confirmation?reference=${reference}`))
    await Promise.all([page.waitForURL(/\/status\?/), page.click('a:has-text("Cek status permohonan")')])
    expect(await page.inputValue('#f-reference')).toBe(reference)
    await page.fill('#f-accessCode', accessCode === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ')
    await page.click('button:has-text("Cek status")')
    const notFound = await page.textContent('[role=alert]')
    expect(notFound).toContain('tidak cocok')
    await page.fill('#f-accessCode', accessCode.toLowerCase())
    await page.click('button:has-text("Cek status")')
    expect(new URL(page.url()).pathname).toBe('/status')
    expect(page.url()).not.toContain(accessCode)
    expect(await page.textContent('.progress [aria-current=step]')).toContain('Asesmen')
    expect(await page.textContent('main')).not.toContain(RESIDENT.nik)
    await review(page, 'status-result')
    await context.close()
  })
})

describe('the staff pages', () => {
  it('lets the TKSK sign in and see the task, the case list and the case with NIK masked', async () => {
    const context = await local.browser.context()
    const page = await context.newPage()
    await page.goto(url('/staff/tasks'))
    await page.waitForURL(/\/login\?next=/)
    await page.selectOption('#f-username', 'tksk.leuwiliang')
    await page.click('button:has-text("Masuk")')
    await page.waitForURL(/\/staff\/tasks$/)
    expect((await context.cookies()).find((c) => c.name === 'session')?.httpOnly).toBe(true)
    // Visits are the agenda's items (issue 19), each with its task and desa.
    const visit = page.locator('.agenda li', { hasText: reference })
    expect(await visit.textContent()).toContain('Asesmen kunjungan rumah')
    expect(await visit.textContent()).toContain('Leuwiliang, Kec. Leuwiliang')

    await page.click('text=Daftar kasus')
    await page.waitForURL(/\/staff\/cases/)
    expect(await page.textContent('tbody')).toContain(reference)
    await page.selectOption('#f-status', 'CLOSED')
    await page.click('button:has-text("Tampilkan")')
    expect(await page.textContent('main')).toContain('Tidak ada kasus')
    await page.goto(url('/staff/cases'))

    await page.click(`a:has-text("${reference}")`)
    caseId = new URL(page.url()).pathname.split('/').at(-1) ?? ''
    const main = (await page.textContent('main')) ?? ''
    expect(main).toContain('320114******0011')
    expect(main).not.toContain(RESIDENT.nik)
    expect(main).toContain('Siti <b>Aminah</b>')
    await context.close()
  })

  it('answers a staff page without a session with the login, and a forged form with 403', async () => {
    const anonymous = await fetch(url('/staff/cases'), { redirect: 'manual' })
    expect(anonymous.status).toBe(303)
    expect(anonymous.headers.get('location')).toBe('/login?next=%2Fstaff%2Fcases')
    const token = await login(local.platform.url, 'tksk.leuwiliang')
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
    const context = await local.browser.context()
    const page = await context.newPage()
    await page.goto(url('/login'))
    await page.selectOption('#f-username', 'tksk.leuwiliang')
    await page.click('button:has-text("Masuk")')
    await page.waitForURL(/\/staff\/tasks$/)
    await page.locator('.agenda li', { hasText: reference }).locator('a:has-text("Kerjakan")').click()
    await page.waitForURL(/\/staff\/tasks\/[0-9A-Z]{26}$/)
    // A submit with a field missing comes back with the error and what was typed.
    await page.fill('#visitDate', '2026-01-10')
    await page.check('input[name=eligible][value=true]')
    await page.selectOption('#service', 'JAMKESDA')
    await page.click('button:has-text("Kirim keputusan")')
    // With JavaScript the form posts through fetch (task-draft.js) and shows the server's answer in place.
    await page.waitForSelector('#findings-error')
    // The blank field was dropped as "not given": the error is the form's words, not zod's English.
    expect(await page.textContent('#findings-error')).toBe('Temuan kunjungan wajib diisi.')
    expect(await page.evaluate("document.activeElement.getAttribute('role')")).toBe('alert')
    expect(await page.inputValue('#visitDate')).toBe('2026-01-10')
    await review(page, 'staff-task-errors')
    await page.fill('#findings', 'Rumah semi permanen, tidak ada penghasilan tetap')
    await page.click('button:has-text("Kirim keputusan")')
    await page.waitForURL(/\/staff\/tasks\?done=/)
    expect(await page.textContent('[role=status]')).toContain(reference)
    await context.close()

    await driver.waitForStatus(reference, 'RECOMMENDATION')
    const approver = await local.browser.context()
    const approval = await approver.newPage()
    approvalLink = driver.linkIn(await driver.mail(EMAILS.dinsos, reference, 'Persetujuan'))
    await approval.goto(approvalLink)
    await approval.check('input[name=decision][value=APPROVE]')
    await approval.click('button:has-text("Kirim keputusan")')
    await approval.waitForSelector('h1:has-text("Terima kasih")')
    await approver.close()

    await driver.waitForStatus(reference, 'REFERRAL')
    const provider = await local.browser.context()
    const link = await provider.newPage()
    await link.goto(driver.linkIn(await driver.mail(EMAILS.puskesmas, reference, 'Tanggapan')))
    await link.check('input[name=response][value=ACCEPT]')
    await link.click('button:has-text("Kirim keputusan")')
    await link.waitForSelector('h1:has-text("Terima kasih")')
    await link.goto(driver.linkIn(await driver.mail(EMAILS.puskesmas, reference, 'Laporan hasil')))
    await link.check('input[name=result][value=SERVED]')
    await link.click('button:has-text("Kirim keputusan")')
    await link.waitForSelector('h1:has-text("Terima kasih")')
    await provider.close()

    await driver.waitForStatus(reference, 'CLOSED', 'FULFILLED')
    const resident = await local.browser.context({ javaScriptEnabled: false })
    const status = await resident.newPage()
    await status.goto(url(`/status?reference=${reference}`))
    await status.fill('#f-accessCode', accessCode)
    await status.click('button:has-text("Cek status")')
    expect(await status.textContent('.progress [aria-current=step]')).toContain('Selesai: Terlayani')
    await resident.close()
    expect(caseId).toMatch(/^[0-9A-Z]{26}$/)
  })
})

/** Session tokens of the seeded users, logged in once each. */
const tokens = new Map<string, Promise<string>>()
const sessionOf = (username: string): Promise<string> => {
  let token = tokens.get(username)
  if (!token) tokens.set(username, (token = login(local.platform.url, username)))
  return token
}

const api = async <T>(username: string, path: string): Promise<T> => {
  const response = await fetch(url(path), {
    headers: { authorization: `Bearer ${await sessionOf(username)}` },
  })
  expect(response.status, path).toBe(200)
  return (await response.json()) as T
}

/** The open task of `kind` about `ref` in `username`'s list, once the workflow has created it. */
const openTaskOf = async (username: string, ref: string, kind: string): Promise<string> => {
  const deadline = Date.now() + 15_000
  for (;;) {
    const { items } = await api<{ items: { taskId: string; reference: string; kind: string }[] }>(
      username,
      '/api/tasks',
    )
    const task = items.find((t) => t.reference === ref && t.kind === kind)
    if (task) return task.taskId
    if (Date.now() > deadline) throw new Error(`no ${kind} task of ${ref} for ${username}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/**
 * Every page, by URL, with who is signed in. One line per page: the lead adds the pages of
 * the other branches here (the dashboard with its own `maxKB`: the chart library).
 */
const TOUR: readonly TourStop[] = [
  { name: 'request-form', path: () => '/' },
  { name: 'request-form-province', path: () => '/?area=32' },
  { name: 'request-form-kecamatan', path: () => '/?area=32.01.14' },
  { name: 'request-form-desa', path: () => '/?area=32.01.14.2001' },
  { name: 'confirmation', path: (d) => `/confirmation?reference=${d.reference}` },
  { name: 'status-empty', path: () => '/status' },
  // The result answers a POST (no URL reaches it): reviewed in the status test above.
  { name: 'status-prefilled', path: (d) => `/status?reference=${d.reference}` },
  { name: 'login', path: () => '/login' },
  { name: 'staff-tasks', path: () => '/staff/tasks', as: 'tksk.leuwiliang' },
  { name: 'staff-task-assessment', path: (d) => `/staff/tasks/${d.assessmentTaskId}`, as: 'tksk.leuwiliang' },
  { name: 'staff-task-approval', path: (d) => `/staff/tasks/${d.approvalTaskId}`, as: 'dinsos.bogor' },
  { name: 'staff-cases', path: () => '/staff/cases', as: 'tksk.leuwiliang' },
  { name: 'staff-case', path: (d) => `/staff/cases/${d.caseId}`, as: 'tksk.leuwiliang' },
  { name: 'letter', path: (d) => `/staff/cases/${d.caseId}/surat`, as: 'dinsos.bogor' },
  { name: 'staff-slip', path: (d) => `/staff/cases/${d.caseId}/tanda-terima`, as: 'tksk.leuwiliang' },
  { name: 'staff-field-intake', path: () => '/staff/kasus-baru', as: 'tksk.leuwiliang' },
  { name: 'letter-verification', path: (d) => `/v/${d.letterCode}` },
  { name: 'link-task', path: (d) => d.openApprovalLink ?? '' },
  { name: 'link-decided', path: (d) => d.decidedLink ?? '', status: 409 },
  { name: 'link-gone', path: (d) => d.goneLink ?? '', status: 410 },
  { name: 'link-unknown', path: () => '/t/01JTIDAKADA00000000000000?k=salah', status: 404 },
  { name: 'not-found', path: () => '/halaman-yang-tidak-ada', status: 404 },
  { name: 'staff-verval', path: () => '/staff/verval', as: 'tksk.leuwiliang' },
  { name: 'staff-verval-dinsos', path: () => '/staff/verval', as: 'dinsos.bogor' },
  { name: 'staff-approvals', path: () => '/staff/persetujuan', as: 'dinsos.bogor' },
  // The one page over 100 KB: Chart.js (ADR 0007).
  { name: 'staff-dashboard', path: () => '/staff/dashboard', as: 'dinsos.bogor', maxKB: 300 },
  { name: 'staff-report-kecamatan', path: () => '/staff/laporan', as: 'tksk.leuwiliang' },
  { name: 'staff-report-kabupaten', path: () => '/staff/laporan', as: 'dinsos.bogor' },
  { name: 'staff-audit', path: (d) => `/staff/audit?entityId=case:${d.caseId}`, as: 'auditor.bogor' },
  {
    name: 'staff-audit-entity',
    path: (d) => `/staff/audit/entitas?entityId=case:${d.caseId}&periksa=1`,
    as: 'auditor.bogor',
  },
]

const pathOf = (link: string) => {
  const { pathname, search } = new URL(link)
  return `${pathname}${search}`
}

describe('the page tour', () => {
  const data: TourData = {}

  beforeAll(async () => {
    // Three more cases, prepared through the API in parallel: an open assessment, an open
    // approval, and a withdrawn case whose assessment link is no longer valid.
    const [assess, approve, withdrawn] = await Promise.all(
      [12, 13, 14].map((n) => driver.submitCase(intakeBody({}, { nik: nikOf(n) }))),
    )
    if (!assess || !approve || !withdrawn) throw new Error('cases not created')
    const [assessmentTaskId, approvalLinks, goneLink, detail] = await Promise.all([
      openTaskOf('tksk.leuwiliang', assess.reference, 'ASSESSMENT'),
      (async () => {
        await driver.act(
          driver.linkIn(await driver.mail(EMAILS.tksk, approve.reference, 'Asesmen')),
          ASSESSED,
        )
        const link = driver.linkIn(await driver.mail(EMAILS.dinsos, approve.reference, 'Persetujuan'))
        return { link, taskId: await openTaskOf('dinsos.bogor', approve.reference, 'APPROVAL') }
      })(),
      (async () => {
        const link = driver.linkIn(await driver.mail(EMAILS.tksk, withdrawn.reference, 'Asesmen'))
        const response = await driver.postJson(
          `/api/cases/${withdrawn.caseId}/withdraw`,
          { reason: 'Pemohon pindah domisili' },
          { authorization: `Bearer ${await sessionOf('tksk.leuwiliang')}` },
        )
        expect(response.status).toBe(200)
        await driver.waitForStatus(withdrawn.reference, 'CLOSED', 'WITHDRAWN')
        return link
      })(),
      api<{ letterCode?: string }>('dinsos.bogor', `/api/cases/${caseId}`),
    ])
    Object.assign(data, {
      reference,
      caseId,
      letterCode: detail.letterCode ?? '',
      assessmentTaskId,
      approvalTaskId: approvalLinks.taskId,
      openApprovalLink: pathOf(approvalLinks.link),
      decidedLink: pathOf(approvalLink),
      goneLink: pathOf(goneLink),
    })
    expect(data.letterCode).toMatch(/^[0-9A-Z]{16}$/)
  })

  // One test per page: a failure names the page, and each has its own time budget.
  const results: TourResult[] = []
  for (const stop of TOUR)
    it(`the ${stop.name} page passes axe, fits 360 px and stays under its weight, screenshotted at both widths`, async () => {
      results.push(await visit(local.browser, local.platform.url, stop, data, sessionOf))
    })

  it('visits every page of the list and prints the weight table', () => {
    console.log(`page weights (HTML + same-origin CSS + JS, first visit):\n${weightTable(results)}`)
    console.log(`axe findings below serious: ${JSON.stringify(results.filter((r) => r.axe.length > 0))}`)
    expect(results.map((r) => r.name)).toEqual(TOUR.map((s) => s.name))
  })

  it('prints the Surat Rekomendasi on A4 without the menu, with the QR code of its verification URL', async () => {
    const context = await local.browser.context({ width: 1280 })
    await context.addCookies([
      { name: 'session', value: await sessionOf('dinsos.bogor'), url: local.platform.url },
    ])
    const page = await context.newPage()
    await page.goto(url(`/staff/cases/${data.caseId}/surat`))
    const verifyUrl = `${local.platform.url}/v/${data.letterCode}`
    expect(await page.textContent('.verify-url')).toBe(verifyUrl)
    // The drawn modules are the qrcode library's for exactly that URL (the DOM re-serialises the tags).
    const modules = /<path stroke="#000000" d="([^"]+)"/.exec(await qrSvg(verifyUrl))?.[1]
    expect(modules).toBeTruthy()
    expect(await page.getAttribute('.letter svg.qr-code path[stroke]', 'd')).toBe(modules)
    await page.emulateMedia({ media: 'print' })
    expect(await page.isVisible('.site-header')).toBe(false)
    expect(await page.isVisible('.letter svg.qr-code')).toBe(true)
    const qr = await page.locator('.letter svg.qr-code').boundingBox()
    // 3.5 cm at the CSS 96 dpi: large enough for a phone camera at arm's length.
    expect(Math.round(qr?.width ?? 0)).toBe(132)
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'letter-print.png'), fullPage: true })
    const pdf = await page.pdf({ format: 'A4', path: join(SCREENSHOT_DIR, 'letter-a4.pdf') })
    expect(pdf.byteLength).toBeGreaterThan(1000)
    await context.close()
  })

  it('answers an unknown address with the HTML 404 page, and an unknown /api address with the JSON 404', async () => {
    const page = await fetch(url('/halaman-yang-tidak-ada'))
    expect(page.status).toBe(404)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(await page.text()).toContain('<a href="/">Kembali ke beranda</a>')
    const token = await sessionOf('tksk.leuwiliang')
    for (const headers of [{}, { authorization: `Bearer ${token}` }] as Record<string, string>[]) {
      const json = await fetch(url('/api/tidak-ada'), { headers })
      expect(json.status).toBe(404)
      expect(await json.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } })
    }
  })

  it('keeps what the TKSK typed on the phone when the connection drops, and sends it once it is back', async () => {
    const context = await local.browser.context()
    await context.addCookies([
      { name: 'session', value: await sessionOf('tksk.leuwiliang'), url: local.platform.url },
    ])
    const page = await context.newPage()
    const taskUrl = url(`/staff/tasks/${data.assessmentTaskId}`)
    const draftKey = `tksk-draft:${data.assessmentTaskId}`
    await page.goto(taskUrl)
    await page.fill('#visitDate', '2026-01-12')
    await page.fill('#findings', 'Atap bocor, tiga anak usia sekolah')
    await page.check('input[name=eligible][value=true]')
    await page.selectOption('#service', 'JAMKESDA')
    const nik = nikOf(99)
    await page.fill('#notes', `Tetangga dengan NIK ${nik} ikut membantu`)

    // Offline: the submit keeps the page and says the draft is on the device.
    await context.setOffline(true)
    await page.click('button:has-text("Kirim keputusan")')
    await page.waitForSelector('[data-draft-status]:has-text("Tidak ada koneksi. Isian Anda tersimpan")')
    expect(page.url()).toBe(taskUrl)
    expect(await page.inputValue('#findings')).toBe('Atap bocor, tiga anak usia sekolah')
    const stored = await page.evaluate<string | null>(`localStorage.getItem(${JSON.stringify(draftKey)})`)
    expect(stored).toContain('Atap bocor')
    expect(stored).not.toContain(nik)
    expect(stored).not.toContain('_csrf')

    // Back online, the page reloaded: the draft is restored, and says so; the NIK was never kept.
    await context.setOffline(false)
    await page.reload()
    await page.waitForSelector('[data-draft-note]:has-text("Draf dipulihkan")')
    expect(await page.inputValue('#visitDate')).toBe('2026-01-12')
    expect(await page.inputValue('#findings')).toBe('Atap bocor, tiga anak usia sekolah')
    expect(await page.isChecked('input[name=eligible][value=true]')).toBe(true)
    expect(await page.inputValue('#service')).toBe('JAMKESDA')
    expect(await page.inputValue('#notes')).toBe('')
    await screenshots(page, 'staff-task-draft-restored')

    // Online but the connection breaks during the POST: the same message, the page stays.
    await page.route(taskUrl, (route) =>
      route.request().method() === 'POST' ? route.abort('connectionreset') : route.continue(),
    )
    await page.click('button:has-text("Kirim keputusan")')
    await page.waitForSelector('[data-draft-status]:has-text("Tidak ada koneksi")')
    expect(await page.inputValue('#findings')).toBe('Atap bocor, tiga anak usia sekolah')
    await page.unroute(taskUrl)

    // Sent once the connection is back: the task is done and the draft is gone.
    await page.click('button:has-text("Kirim keputusan")')
    await page.waitForURL(/\/staff\/tasks\?done=/)
    expect(await page.evaluate(`localStorage.getItem(${JSON.stringify(draftKey)})`)).toBeNull()
    await context.close()
  })
})
