/**
 * Issue 19 in Chromium at 360 px: the TKSK plans the home visit from the emailed link
 * with JavaScript off (name, address, desa name, a call link; the view audited as
 * `PII_READ` with purpose `asesmen`), the task list reads as the day's agenda, the
 * resident's slip prints on one A4 and one A6 page with a QR code of the status page (from
 * the confirmation and, for the TKSK, from the staff case), and no page or mail of a whole
 * case shows a desa code without its name.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { login } from '../../support/platform'
import { SITI_AMINAH } from '../../support/applicant'
import { ASSESSED, createDriver, EMAILS, intakeBody, nikOf } from '../../integration/case/case-driver'
import { qrSvg } from '../../../functions/web/qr-code'
import { browserPlatform, reviewWithScript } from './browser'

const local = browserPlatform()
const driver = createDriver(() => local.platform.url)
const { url } = local

const VILLAGE = 'Leuwiliang, Kec. Leuwiliang'
const DESA_CODE = /\d\d\.\d\d\.\d\d\.\d{4}/g

const sessionCookie = async (context: BrowserContext, username: string) =>
  context.addCookies([{ name: 'session', value: await login(local.platform.url, username), url: url('/') }])

/** Pages in a PDF: one `/Type /Page` object per page (`/Pages` is the tree). */
const pdfPageCount = (pdf: Buffer): number =>
  pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0

/** Printed on A4 and on A6: each exactly one page, and the QR code encodes the status page of `reference`. */
const expectOneSlipPage = async (page: Page, reference: string) => {
  const statusUrl = `${local.platform.url}/status?reference=${reference}`
  const modules = /<path stroke="#000000" d="([^"]+)"/.exec(await qrSvg(statusUrl))?.[1]
  expect(modules).toBeTruthy()
  expect(await page.getAttribute('.slip svg.qr-code path[stroke]', 'd')).toBe(modules)
  await page.emulateMedia({ media: 'print' })
  expect(await page.isVisible('.site-header')).toBe(false)
  expect(await page.isVisible('.slip svg.qr-code')).toBe(true)
  for (const format of ['A4', 'A6'] as const)
    expect(pdfPageCount(await page.pdf({ format })), `pages on ${format}`).toBe(1)
}

const review = (shown: Page, name: string) => reviewWithScript(local, shown, name)

describe('the TKSK plans the home visit from the emailed link', () => {
  it('shows name, address, desa name and a call link without JavaScript at 360 px, audited as PII_READ asesmen', async () => {
    const filed = await driver.submitCase(intakeBody({}, { nik: nikOf(41) }))
    const link = driver.linkIn(await driver.mail(EMAILS.tksk, filed.reference, 'Asesmen'))
    const context = await local.browser.context({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(link)
    const main = (await page.textContent('main')) ?? ''
    expect(main).toContain(SITI_AMINAH.name)
    expect(main).toContain(SITI_AMINAH.address)
    expect(main).toContain(VILLAGE)
    expect(main).not.toMatch(DESA_CODE)
    expect(await page.getAttribute('a[href^="tel:"]', 'href')).toBe('tel:+6281234567890')
    expect(await page.textContent('a[href^="tel:"]')).toBe(SITI_AMINAH.phone)
    // The TKSK reads NIK and KK off the documents at the visit: the link never shows them.
    expect(main).not.toContain(SITI_AMINAH.kk)
    expect(main).not.toContain(SITI_AMINAH.nik)
    await review(page, 'link-assessment-visit')
    await context.close()

    const token = await login(local.platform.url, 'auditor.bogor')
    const response = await fetch(url(`/api/audit?entityId=case:${filed.caseId}&action=PII_READ`), {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(response.status).toBe(200)
    const { items } = (await response.json()) as {
      items: { actor: { role: string }; after: { purpose: string; fields: string[] } }[]
    }
    expect(items.length).toBeGreaterThan(0)
    for (const entry of items) {
      expect(entry.after.purpose).toBe('asesmen')
      expect(entry.actor.role).toBe('tksk')
      expect(entry.after.fields).toEqual(['applicant.name', 'applicant.address', 'applicant.phone'])
    }
  })

  it("lists the TKSK's open visits by due day with desa names, readable at 360 px without JavaScript", async () => {
    const filed = await driver.submitCase(intakeBody({}, { nik: nikOf(42) }))
    await driver.mail(EMAILS.tksk, filed.reference, 'Asesmen')
    const context = await local.browser.context({ javaScriptEnabled: false })
    await sessionCookie(context, 'tksk.leuwiliang')
    const page = await context.newPage()
    await page.goto(url('/staff/tasks'))
    expect(await page.textContent('h2')).toContain('Agenda kunjungan asesmen')
    const visit = page.locator('.agenda li', { hasText: filed.reference })
    expect(await visit.textContent()).toContain(VILLAGE)
    expect(await page.textContent('main')).not.toMatch(DESA_CODE)
    // Soonest due first: the day headings follow the list's order.
    const days = await page.locator('main h3').allTextContents()
    expect(days.length).toBeGreaterThan(0)
    await review(page, 'staff-tasks-agenda')
    await context.close()
  })
})

describe('the slip to keep', () => {
  it('prints the confirmation as one A4 and one A6 page with the reference, the access code and the status QR code', async () => {
    const context = await local.browser.context({ javaScriptEnabled: false })
    const page = await context.newPage()
    // The form post as the browser sends it: the confirmation cookie lands in this context.
    const { villageCode, ...person } = { ...SITI_AMINAH, nik: nikOf(43) }
    const form: Record<string, string> = {
      'applicant.villageCode': villageCode,
      ...Object.fromEntries(Object.entries(person).map(([key, value]) => [`applicant.${key}`, value])),
      category: 'FAKIR_MISKIN',
      service: 'JAMKESDA',
      consent: 'true',
    }
    const posted = await context.request.post(url('/'), { form, maxRedirects: 0 })
    expect(posted.status()).toBe(303)
    await page.goto(url(posted.headers().location ?? ''))
    const reference = (await page.textContent('.slip .reference'))?.trim() ?? ''
    expect(reference).toMatch(/^320114-\d{4}-\d{6}$/)
    expect(await page.textContent('#kode-akses')).toMatch(/^[A-Z2-9]{6}$/)
    await review(page, 'confirmation-slip')
    await expectOneSlipPage(page, reference)
    await context.close()
  })

  it('lets the TKSK print the same slip from the staff case, with the code the resident was given', async () => {
    const filed = await driver.submitCase(intakeBody({}, { nik: nikOf(44) }))
    const context = await local.browser.context({ javaScriptEnabled: false })
    await sessionCookie(context, 'tksk.leuwiliang')
    const page = await context.newPage()
    await page.goto(url(`/staff/cases/${filed.caseId}`))
    await page.click('a:has-text("Cetak tanda terima untuk pemohon")')
    await page.waitForURL(/\/tanda-terima$/)
    expect((await page.textContent('.slip .reference'))?.trim()).toBe(filed.reference)
    expect(await page.textContent('#kode-akses')).toBe(filed.accessCode)
    await review(page, 'staff-slip')
    await expectOneSlipPage(page, filed.reference)
    await context.close()
  })
})

/** The text a person reads: tags dropped, the few entities the views write decoded. */
const readable = (markup: string): string =>
  markup
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')

/** Desa codes shown without their name right beside them (`32.01.14.2001 (Leuwiliang, …)` is fine). */
const bareDesaCodes = (text: string): string[] =>
  [...text.replace(/\d\d\.\d\d\.\d\d\.\d{4} \(Leuwiliang\b[^)]*\)/g, '').matchAll(DESA_CODE)].map((m) => m[0])

describe('names, not codes', () => {
  it('shows no desa code without its name on the pages and in the mails of a whole case', async () => {
    const filed = await driver.submitCase(intakeBody({}, { nik: nikOf(45) }))
    const { reference, caseId } = filed
    const shown = new Map<string, string>()
    const keep = async (name: string, response: Response) => shown.set(name, readable(await response.text()))
    const staffGet = async (username: string, path: string) =>
      fetch(url(path), { headers: { cookie: `session=${await login(local.platform.url, username)}` } })

    await keep('confirmation', await fetch(url(`/confirmation?reference=${reference}`)))
    await keep('staff-tasks (tksk)', await staffGet('tksk.leuwiliang', '/staff/tasks'))
    const assessed = await driver.act(
      driver.linkIn(await driver.mail(EMAILS.tksk, reference, 'Asesmen')),
      ASSESSED,
    )
    await keep('link assessment', assessed.page)
    const approved = await driver.act(
      driver.linkIn(await driver.mail(EMAILS.dinsos, reference, 'Persetujuan')),
      {
        decision: 'APPROVE',
      },
    )
    await keep('link approval', approved.page)
    const accepted = await driver.act(
      driver.linkIn(await driver.mail(EMAILS.puskesmas, reference, 'Tanggapan')),
      {
        response: 'ACCEPT',
      },
    )
    await keep('link referral response', accepted.page)
    const served = await driver.act(
      driver.linkIn(await driver.mail(EMAILS.puskesmas, reference, 'Laporan hasil')),
      {
        result: 'SERVED',
      },
    )
    await keep('link referral result', served.page)
    await driver.waitForStatus(reference, 'CLOSED', 'FULFILLED')

    await keep('staff case (tksk)', await staffGet('tksk.leuwiliang', `/staff/cases/${caseId}`))
    await keep('staff case (dinsos)', await staffGet('dinsos.bogor', `/staff/cases/${caseId}`))
    await keep('staff cases (dinsos)', await staffGet('dinsos.bogor', '/staff/cases'))
    await keep('letter', await staffGet('dinsos.bogor', `/staff/cases/${caseId}/surat`))
    await keep('slip', await staffGet('tksk.leuwiliang', `/staff/cases/${caseId}/tanda-terima`))
    await keep(
      'audit timeline',
      await staffGet('auditor.bogor', `/staff/audit/entitas?entityId=case:${caseId}`),
    )
    for (const to of [...Object.values(EMAILS), SITI_AMINAH.email ?? ''])
      for (const mail of (await driver.outbox(to)).filter((m) => m.subject.includes(reference)))
        shown.set(`mail to ${to}: ${mail.subject}`, `${mail.subject}\n${mail.text}\n${readable(mail.html)}`)

    expect(shown.size).toBeGreaterThan(15)
    const leaks = [...shown].flatMap(([name, text]) => bareDesaCodes(text).map((code) => `${name}: ${code}`))
    expect(leaks).toEqual([])
    // The names are there instead: the scan would pass on pages that show no place at all.
    expect(shown.get('link assessment')).toContain(VILLAGE)
    expect(shown.get('staff case (dinsos)')).toContain(VILLAGE)
    expect(shown.get('audit timeline')).toContain('Pemohon')
  })
})
