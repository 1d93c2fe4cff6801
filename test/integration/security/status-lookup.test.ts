/**
 * Issue 18.4 over HTTP: the resident's status lookup is no oracle. References are
 * sequential and a neighbour's birth date is easy to know, so the lookup takes the
 * random access code given at intake, by POST, with 5 misses per reference and then 24
 * hours locked, one per-IP budget across the page and the API, and one answer for every
 * kind of miss.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPlatform, type TestPlatform } from '../../support/platform'
import { createDriver, EMAILS, intakeBody, nikOf } from '../case/case-driver'
import { createStaff } from './security-driver'

let platform: TestPlatform
const driver = createDriver(() => platform.url)
const staff = createStaff(() => platform.url)
const savedLimit = process.env.RATE_LIMIT_PER_MINUTE

beforeAll(async () => {
  // The per-IP budget is tested in platform/rate-limit.test.ts; here every guess must reach the lock.
  process.env.RATE_LIMIT_PER_MINUTE = '0'
  platform = await startTestPlatform()
})
afterAll(async () => {
  // Test files share a worker's process: leave the limit as this file found it.
  if (savedLimit === undefined) delete process.env.RATE_LIMIT_PER_MINUTE
  else process.env.RATE_LIMIT_PER_MINUTE = savedLimit
  await platform?.dispose()
})

/** A code that is not the case's: the same length and alphabet, one letter moved on. */
const wrongCodeFor = (code: string): string => `${code.slice(0, 5)}${code.endsWith('A') ? 'B' : 'A'}`

const lookUp = async (reference: string, accessCode: string) => {
  const response = await driver.postJson('/api/cases/status', { reference, accessCode })
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: await response.json(),
  }
}

const lookUpPage = (reference: string, accessCode: string) =>
  fetch(`${platform.url}/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ reference, accessCode }),
  })

describe('walking references', () => {
  it('knowing the birth date and the reference format is not enough: the old GET looks nothing up', async () => {
    const { reference } = await driver.submitCase(intakeBody({}, { nik: nikOf(1801) }))
    const byBirthDate = await fetch(
      `${platform.url}/api/cases/status?reference=${reference}&birthDate=1980-07-05`,
    )
    expect(byBirthDate.status).toBe(400)
    const body = JSON.stringify(await byBirthDate.json())
    expect(body).toContain('POST')
    expect(body).not.toMatch(/IDENTIFICATION|ASSESSMENT|history|Siti/)
  })

  it('a wrong code, an unknown reference and a well-formed neighbour reference all get one and the same 404', async () => {
    const { reference, accessCode } = await driver.submitCase(intakeBody({}, { nik: nikOf(1802) }))
    const serial = Number(reference.slice(-6))
    const neighbour = `${reference.slice(0, -6)}${String(serial + 500).padStart(6, '0')}`
    const answers = [
      await lookUp(reference, wrongCodeFor(accessCode)),
      await lookUp(neighbour, accessCode),
      await lookUp('320114-2026-999999', 'K7QM2X'),
    ]
    for (const answer of answers) expect(answer.status).toBe(404)
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1)
  })
})

describe('guessing the access code of one reference', () => {
  it('5 misses lock the reference for 24 hours: even the right code is 429 until then', async () => {
    const { reference, accessCode } = await driver.submitCase(intakeBody({}, { nik: nikOf(1803) }))
    for (let miss = 1; miss <= 5; miss += 1)
      expect((await lookUp(reference, wrongCodeFor(accessCode))).status, `miss ${miss}`).toBe(404)
    const locked = await lookUp(reference, accessCode)
    expect(locked.status).toBe(429)
    expect(locked.body).toMatchObject({ error: { code: 'RATE_LIMITED' } })
    expect(Number(locked.retryAfter)).toBeGreaterThan(23 * 3600)
    expect(JSON.stringify(locked.body)).not.toMatch(/IDENTIFICATION|ASSESSMENT|history/)
    // The page shares the lock: the same reference is locked there too.
    expect((await lookUpPage(reference, accessCode)).status).toBe(429)

    await driver.advance(23 * 3600)
    expect((await lookUp(reference, accessCode)).status).toBe(429)
    await driver.advance(3600 + 1)
    expect((await lookUp(reference, accessCode)).status).toBe(200)
  })

  it('a locked reference that does not exist answers exactly as a locked real one: the lock is no oracle', async () => {
    const { reference, accessCode } = await driver.submitCase(intakeBody({}, { nik: nikOf(1804) }))
    const unknown = '320114-2026-888888'
    for (let miss = 0; miss < 5; miss += 1) {
      await lookUp(reference, wrongCodeFor(accessCode))
      await lookUp(unknown, 'K7QM2X')
    }
    const real = await lookUp(reference, wrongCodeFor(accessCode))
    const fake = await lookUp(unknown, 'K7QM2X')
    expect(real.status).toBe(429)
    expect(fake.status).toBe(429)
    expect(real.body).toEqual(fake.body)
  })

  it('guesses sent in parallel cannot get past five misses', async () => {
    const { reference, accessCode } = await driver.submitCase(intakeBody({}, { nik: nikOf(1805) }))
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => lookUp(reference, wrongCodeFor(accessCode))),
    )
    expect(answers.filter((a) => a.status === 404).length).toBeLessThanOrEqual(5)
    expect(answers.every((a) => a.status === 404 || a.status === 429)).toBe(true)
    expect((await lookUp(reference, accessCode)).status).toBe(429)
  })

  it('a resident’s typos do not cost the right answer, typed in lower case with a space', async () => {
    const { reference, accessCode } = await driver.submitCase(intakeBody({}, { nik: nikOf(1806) }))
    for (let miss = 0; miss < 3; miss += 1) await lookUp(reference, wrongCodeFor(accessCode))
    const typed = `${accessCode.slice(0, 3)} ${accessCode.slice(3)}`.toLowerCase()
    const found = await lookUp(reference, typed)
    expect(found.status).toBe(200)
    expect(found.body).toMatchObject({ reference, status: expect.any(String) })
    expect(JSON.stringify(found.body)).not.toMatch(/Siti|3201144507|FAKIR|1980|accessCode/)
    // Hits give their attempt back: the budget is spent only by misses.
    expect((await lookUp(reference, accessCode)).status).toBe(200)
    expect((await lookUp(reference, wrongCodeFor(accessCode))).status).toBe(404)
  })
})

describe('the status page', () => {
  it('is a POST form, so nothing personal lands in a URL; an old bookmark with the birth date goes back to the bare form', async () => {
    const { reference, accessCode } = await driver.submitCase(intakeBody({}, { nik: nikOf(1807) }))
    const bookmark = await fetch(`${platform.url}/status?reference=${reference}&birthDate=1980-07-05`, {
      redirect: 'manual',
    })
    expect(bookmark.status).toBe(303)
    expect(bookmark.headers.get('location')).toBe(`/status?reference=${reference}`)
    const form = await (await fetch(`${platform.url}/status?reference=${reference}`)).text()
    expect(form).toMatch(/<form method="post" action="\/status">/)
    expect(form).toContain(`value="${reference}"`)
    expect(form).toContain('name="accessCode"')

    const found = await lookUpPage(reference, accessCode)
    expect(found.status).toBe(200)
    const page = await found.text()
    expect(page).toContain(`Status permohonan ${reference}`)
    expect(page).not.toContain(accessCode)
    const wrong = await lookUpPage(reference, wrongCodeFor(accessCode))
    const unknown = await lookUpPage('320114-2026-777777', accessCode)
    expect(wrong.status).toBe(404)
    expect(unknown.status).toBe(404)
    const strip = (html: string) => html.replaceAll(/value="[^"]*"/g, '')
    expect(strip(await wrong.text())).toBe(strip(await unknown.text()))
  })
})

describe('the access code reaches the resident, and staff can read it out', () => {
  it('the confirmation page shows it to the browser that filed the request, never through the URL', async () => {
    const body = intakeBody({}, { nik: nikOf(1808) })
    const form = new URLSearchParams({
      'applicant.nik': body.applicant.nik,
      'applicant.kk': body.applicant.kk,
      'applicant.name': body.applicant.name,
      'applicant.birthDate': body.applicant.birthDate,
      'applicant.address': body.applicant.address,
      'applicant.villageCode': body.applicant.villageCode,
      category: body.category,
      service: body.service,
      consent: 'true',
    })
    const filed = await fetch(`${platform.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
      redirect: 'manual',
    })
    expect(filed.status).toBe(303)
    const location = filed.headers.get('location') ?? ''
    expect(location).toMatch(/^\/confirmation\?reference=\d{6}-\d{4}-\d{6}$/)
    const cookie = filed.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    const reference = new URL(location, platform.url).searchParams.get('reference') ?? ''
    const code = /confirmation=[^.]+\.([A-Z0-9]{6})/.exec(cookie)?.[1] ?? ''

    const mine = await (
      await fetch(`${platform.url}${location}`, { headers: { cookie: cookie.split(';')[0] ?? '' } })
    ).text()
    expect(mine).toContain(code)
    expect((await lookUp(reference, code)).status).toBe(200)
    const someoneElse = await (await fetch(`${platform.url}${location}`)).text()
    expect(someoneElse).toContain(reference)
    expect(someoneElse).not.toContain(code)
  })

  it('the receipt email names the reference and the code, and neither the category nor the NIK', async () => {
    const { reference, accessCode } = await driver.submitCase(intakeBody({}, { nik: nikOf(1809) }))
    const receipt = await driver.mail('siti@example.org', reference, 'diterima')
    expect(receipt.text).toContain(accessCode)
    expect(`${receipt.subject} ${receipt.text} ${receipt.html}`).not.toMatch(
      /FAKIR|Fakir|3201144507|1980-07-05/,
    )
    expect(receipt.links.some((l) => l.includes('accessCode') || l.includes(accessCode))).toBe(false)
  })

  it('staff in scope read it on the case (API and page) to tell a resident who lost it', async () => {
    const { caseId, reference, accessCode } = await driver.submitCase(intakeBody({}, { nik: nikOf(1810) }))
    await driver.mail(EMAILS.tksk, reference, 'Asesmen')
    const detail = (await (await staff.get('tksk.leuwiliang', `/api/cases/${caseId}`)).json()) as {
      accessCode: string
    }
    expect(detail.accessCode).toBe(accessCode)
    const page = await fetch(`${platform.url}/staff/cases/${caseId}`, {
      headers: { cookie: `session=${await staff.tokenOf('tksk.leuwiliang')}` },
    })
    expect(await page.text()).toContain(accessCode)
    expect((await staff.get('tksk.ciampea', `/api/cases/${caseId}`)).status).toBe(403)
  })
})
