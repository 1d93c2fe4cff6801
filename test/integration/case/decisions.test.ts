import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { login, startTestPlatform, type TestPlatform } from '../../support/platform'
import { ASSESSED, createDriver, EMAILS, intakeBody, nikOf } from './case-driver'

let platform: TestPlatform
const driver = createDriver(() => platform.url)
let person = 100

beforeAll(async () => {
  platform = await startTestPlatform()
})
afterAll(async () => {
  await platform?.dispose()
})

const newCase = (overrides: Record<string, unknown> = {}) =>
  driver.submitCase(intakeBody(overrides, { nik: nikOf(++person) }))

const assess = async (reference: string, fields: Record<string, string> = ASSESSED, subject = 'Asesmen') => {
  const ask = await driver.mail(EMAILS.tksk, reference, subject)
  return driver.act(driver.linkIn(ask), fields)
}

const toApproval = async (reference: string) => {
  await assess(reference)
  await driver.waitForStatus(reference, 'RECOMMENDATION')
  return driver.linkIn(await driver.mail(EMAILS.dinsos, reference, 'Persetujuan'))
}

describe('the decisions along a case', () => {
  it('a TKSK finding the family not eligible closes the case NOT_ELIGIBLE', async () => {
    const { reference } = await newCase()
    await assess(reference, { ...ASSESSED, eligible: 'false' })
    await driver.waitForStatus(reference, 'CLOSED', 'NOT_ELIGIBLE')
  })

  it('an approver rejecting with a reason closes the case REJECTED', async () => {
    const { reference } = await newCase()
    const link = await toApproval(reference)
    const missingReason = await driver.act(link, { decision: 'REJECT' })
    expect(missingReason.response.status).toBe(400)
    expect(missingReason.html).toContain('Alasan wajib diisi.')
    expect(
      (await driver.act(link, { decision: 'REJECT', reason: 'Sudah menerima PBI' })).response.status,
    ).toBe(200)
    await driver.waitForStatus(reference, 'CLOSED', 'REJECTED')
  })

  it('REVISE sends the case back to the TKSK, whose second assessment goes to approval again', async () => {
    const { reference } = await newCase()
    const link = await toApproval(reference)
    await driver.act(link, { decision: 'REVISE', reason: 'Lengkapi foto rumah' })
    await driver.waitForStatus(reference, 'ASSESSMENT')
    await driver.waitForOutboxCount(EMAILS.tksk, reference, 'Asesmen', 2)
    await assess(reference)
    await driver.waitForStatus(reference, 'RECOMMENDATION')
    await driver.waitForOutboxCount(EMAILS.dinsos, reference, 'Persetujuan', 2)
    await driver.act(driver.linkIn(await driver.mail(EMAILS.dinsos, reference, 'Persetujuan')), {
      decision: 'APPROVE',
    })
    await driver.waitForStatus(reference, 'REFERRAL')
  })

  it('a provider declining lets Dinsos re-refer to another provider, who serves the case', async () => {
    const { reference } = await newCase()
    const link = await toApproval(reference)
    await driver.act(link, { decision: 'APPROVE' })
    const referral = await driver.mail(EMAILS.puskesmas, reference, 'Tanggapan')
    const page = await (await fetch(driver.linkIn(referral))).text()
    // The provider sees what it needs to serve the resident: a health facility registers
    // the patient by NIK (DESIGN §5; the view is audited, test/integration/security).
    expect(page).toContain('Siti Aminah')
    expect(page).toContain('081234567890')
    expect(page).toMatch(/NIK<\/dt>\s*<dd>\s*320114\d{10}\s*</)
    await driver.act(driver.linkIn(referral), { response: 'DECLINE', reason: 'Kuota penuh' })
    const rerefer = driver.linkIn(await driver.mail(EMAILS.dinsos, reference, 'Rujukan ditolak'))
    const declinedAgain = await driver.act(rerefer, { action: 'REREFER', providerId: 'puskesmas-leuwiliang' })
    expect(declinedAgain.response.status).toBe(400)
    expect(
      (await driver.act(rerefer, { action: 'REREFER', providerId: 'rsud-leuwiliang' })).response.status,
    ).toBe(200)
    const second = await driver.mail(EMAILS.rsud, reference, 'Tanggapan')
    await driver.act(driver.linkIn(second), { response: 'ACCEPT' })
    await driver.act(driver.linkIn(await driver.mail(EMAILS.rsud, reference, 'Laporan hasil')), {
      result: 'SERVED',
    })
    await driver.waitForStatus(reference, 'CLOSED', 'FULFILLED')
  })

  it('a declined referral with no other provider is closed NOT_FULFILLED by the Dinsos', async () => {
    const { reference } = await newCase({ service: 'KIS_PBI' })
    await assess(reference, { ...ASSESSED, service: 'KIS_PBI' })
    await driver.waitForStatus(reference, 'RECOMMENDATION')
    await driver.act(driver.linkIn(await driver.mail(EMAILS.dinsos, reference, 'Persetujuan')), {
      decision: 'APPROVE',
    })
    await driver.act(driver.linkIn(await driver.mail(EMAILS.bpjs, reference, 'Tanggapan')), {
      response: 'DECLINE',
      reason: 'Kuota penuh',
    })
    const rerefer = driver.linkIn(await driver.mail(EMAILS.dinsos, reference, 'Rujukan ditolak'))
    expect((await driver.act(rerefer, { action: 'REREFER', providerId: 'bpjs-bogor' })).response.status).toBe(
      400,
    )
    await driver.act(rerefer, { action: 'CLOSE', reason: 'Tidak ada lembaga lain' })
    await driver.waitForStatus(reference, 'CLOSED', 'NOT_FULFILLED')
  })

  it('a second open request of the same person for the same service is closed DUPLICATE', async () => {
    const first = await newCase()
    const second = await driver.submitCase(intakeBody({}, { nik: nikOf(person) }))
    await driver.waitForStatus(second.reference, 'CLOSED', 'DUPLICATE')
    const { body } = await driver.status(first.reference)
    expect(body.status).toBe('ASSESSMENT')
  })

  it('staff withdraw a case on the resident’s request; its pending link then answers 410', async () => {
    const { caseId, reference } = await newCase()
    const ask = driver.linkIn(await driver.mail(EMAILS.tksk, reference, 'Asesmen'))
    const token = await login(platform.url, 'tksk.leuwiliang')
    const response = await driver.postJson(
      `/api/cases/${caseId}/withdraw`,
      { reason: 'Pemohon pindah domisili' },
      {
        authorization: `Bearer ${token}`,
      },
    )
    expect(response.status).toBe(200)
    await driver.waitForStatus(reference, 'CLOSED', 'WITHDRAWN')
    expect((await fetch(ask)).status).toBe(410)
    await driver.mail('siti@example.org', reference, 'selesai')
  })

  it('two concurrent posts to one link: exactly one decides, the other gets 409 naming who decided', async () => {
    const { reference } = await newCase()
    const link = driver.linkIn(await driver.mail(EMAILS.tksk, reference, 'Asesmen'))
    const results = await Promise.all([driver.act(link, ASSESSED), driver.act(link, ASSESSED)])
    expect(results.map((r) => r.response.status).sort()).toEqual([200, 409])
    expect(results.find((r) => r.response.status === 409)?.html).toContain(
      'sudah diputuskan oleh TKSK Leuwiliang pada',
    )
  })

  it('a link page shows the task without acting, escapes resident text and refuses a wrong secret like an unknown link', async () => {
    const { reference } = await newCase()
    const link = driver.linkIn(await driver.mail(EMAILS.tksk, reference, 'Asesmen'))
    const page = await fetch(link)
    expect(page.headers.get('referrer-policy')).toBe('no-referrer')
    const text = await page.text()
    expect(text).toContain('&lt;script&gt;')
    expect(text).not.toContain('<script>')
    expect(text).not.toContain('3201144507')
    expect((await fetch(link)).status).toBe(200)
    const wrong = new URL(link)
    wrong.searchParams.set('k', 'x'.repeat(43))
    expect((await fetch(wrong)).status).toBe(404)
    expect((await fetch(driver.url('/t/unknownlinkid?k=abc'))).status).toBe(404)
    expect((await driver.status(reference)).body.status).toBe('ASSESSMENT')
  })

  it('staff complete their task through the API and list their open tasks', async () => {
    const { reference } = await newCase()
    await driver.mail(EMAILS.tksk, reference, 'Asesmen')
    const token = await login(platform.url, 'tksk.leuwiliang')
    const auth = { authorization: `Bearer ${token}` }
    const tasks = (await (await fetch(driver.url('/api/tasks?limit=100'), { headers: auth })).json()) as {
      items: { taskId: string; reference: string }[]
    }
    const mine = tasks.items.find((t) => t.reference === reference)
    expect(mine).toBeDefined()
    const auditor = await login(platform.url, 'auditor.bogor')
    const refused = await driver.postJson(`/api/tasks/${mine?.taskId}/complete`, ASSESSED, {
      authorization: `Bearer ${auditor}`,
    })
    expect(refused.status).toBe(403)
    const bad = await driver.postJson(
      `/api/tasks/${mine?.taskId}/complete`,
      { ...ASSESSED, eligible: 'maybe' },
      auth,
    )
    expect(bad.status).toBe(400)
    const done = await driver.postJson(
      `/api/tasks/${mine?.taskId}/complete`,
      { ...ASSESSED, eligible: true },
      auth,
    )
    expect(done.status).toBe(200)
    await driver.waitForStatus(reference, 'RECOMMENDATION')
  })

  it('lists cases of a kecamatan by status through the index, and refuses another kabupaten', async () => {
    const token = await login(platform.url, 'dinsos.bogor')
    const auth = { headers: { authorization: `Bearer ${token}` } }
    const list = (await (
      await fetch(driver.url('/api/cases?area=32.01.14&status=CLOSED&limit=2'), auth)
    ).json()) as {
      items: { status: string }[]
      nextCursor: string | null
    }
    expect(list.items.length).toBe(2)
    expect(list.items.every((c) => c.status === 'CLOSED')).toBe(true)
    expect(list.nextCursor).toEqual(expect.any(String))
    expect((await fetch(driver.url(`/api/cases?area=32.01.14&cursor=${list.nextCursor}`), auth)).status).toBe(
      200,
    )
    expect((await fetch(driver.url('/api/cases?area=18.71'), auth)).status).toBe(403)
  })
})
