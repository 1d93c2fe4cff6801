/**
 * Residents informed by SMS (issue 19 item 3, ADR 0028), on the local platform: the SMS
 * ride the case's changes through the outbox to the local End User Messaging SMS endpoint,
 * and `GET /api/dev/outbox` lists them with their channel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { composeCaseSms } from '../../../functions/core/outbox/case-sms'
import { csrfTokenFor } from '../../../functions/shared/auth/csrf'
import { fitsOneSegment } from '../../../functions/core/outbox/sms-text'
import { login, startTestPlatform, type TestPlatform } from '../../support/platform'
import { ASSESSED, createDriver, EMAILS, intakeBody, nikOf } from '../case/case-driver'

let platform: TestPlatform
const driver = createDriver(() => platform.url)
let person = 700
const newCase = (applicant: Record<string, unknown> = {}) =>
  driver.submitCase(intakeBody({}, { nik: nikOf(++person), ...applicant }))

interface OutboxSms {
  id: string
  channel: string
  to: string
  text: string
  outboxId?: string
}

/** The SMS about `reference`, oldest first (the outbox lists newest first). */
const smsAbout = async (reference: string, to?: string): Promise<OutboxSms[]> => {
  const query = to ? `?to=${encodeURIComponent(to)}` : ''
  const body = (await (await fetch(driver.url(`/api/dev/outbox${query}`))).json()) as {
    items: { channel: string }[]
    sms: OutboxSms[]
  }
  return body.sms.filter((sms) => sms.text.includes(reference)).reverse()
}

const PHONE = '+6281234567890'

beforeAll(async () => {
  platform = await startTestPlatform()
})
afterAll(async () => {
  await platform?.dispose()
})

describe('SMS to the resident', () => {
  it('a full case sends the receipt with the access code, each stage and the outcome, one GSM-7 segment each', async () => {
    const { reference, accessCode } = await newCase()
    const ask = await driver.mail(EMAILS.tksk, reference, 'Asesmen')
    await driver.act(driver.linkIn(ask), ASSESSED)
    await driver.waitForStatus(reference, 'RECOMMENDATION')
    const approval = await driver.mail(EMAILS.dinsos, reference, 'Persetujuan')
    await driver.act(driver.linkIn(approval), { decision: 'APPROVE' })
    await driver.waitForStatus(reference, 'REFERRAL')
    const referral = await driver.mail(EMAILS.puskesmas, reference, 'Tanggapan')
    await driver.act(driver.linkIn(referral), { response: 'ACCEPT' })
    const result = await driver.mail(EMAILS.puskesmas, reference, 'Laporan hasil')
    await driver.act(driver.linkIn(result), { result: 'SERVED', notes: 'Kartu Jamkesda terbit' })
    await driver.waitForStatus(reference, 'CLOSED', 'FULFILLED')

    const statusUrl = `${platform.url}/status`
    const sent = await smsAbout(reference, PHONE)
    expect(sent.map((sms) => sms.text)).toEqual([
      composeCaseSms(reference, { kind: 'received', accessCode }, statusUrl),
      composeCaseSms(reference, { kind: 'stage', status: 'RECOMMENDATION' }, statusUrl),
      composeCaseSms(reference, { kind: 'stage', status: 'REFERRAL' }, statusUrl),
      composeCaseSms(reference, { kind: 'closed', outcome: 'FULFILLED' }, statusUrl),
    ])
    expect(sent[0]?.text).toContain(accessCode)
    expect(sent.at(-1)?.text).toContain('Terlayani')
    for (const sms of sent) {
      expect(sms).toMatchObject({ channel: 'sms', to: PHONE })
      expect(fitsOneSegment(sms.text)).toBe(true)
      // No name, NIK, address or category: the reference and the stage only.
      expect(sms.text).not.toMatch(/Siti|Aminah|3201144507800001|FAKIR|Fakir|Jamkesda|JAMKESDA/i)
    }
    // Each outbox SMS was sent once.
    expect(new Set(sent.map((sms) => sms.outboxId)).size).toBe(sent.length)
  })

  it('an applicant without a phone gets no SMS, while the mails go as before', async () => {
    const { reference } = await newCase({ phone: undefined })
    await driver.mail(EMAILS.tksk, reference, 'Asesmen')
    await driver.mail('siti@example.org', reference, 'diterima')
    expect(await smsAbout(reference)).toEqual([])
  })

  it('after the TKSK records an opt-out (audited), the case sends no further SMS', async () => {
    const { caseId, reference } = await newCase()
    await driver.mail(EMAILS.tksk, reference, 'Asesmen')
    expect((await smsAbout(reference)).map((sms) => sms.text)).toHaveLength(1)

    // The TKSK's case page offers it to a resident with a phone; the form posts the API action.
    const token = await login(platform.url, 'tksk.leuwiliang')
    const auth = { authorization: `Bearer ${token}` }
    const page = () =>
      fetch(driver.url(`/staff/cases/${caseId}`), { headers: { cookie: `session=${token}` } }).then((r) =>
        r.text(),
      )
    expect(await page()).toContain('Hentikan SMS atas permintaan pemohon')
    const stop = await fetch(driver.url(`/staff/cases/${caseId}/sms-berhenti`), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: `session=${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrfTokenFor(token) }),
    })
    expect(stop.status).toBe(303)
    expect(await page()).toContain('Dihentikan atas permintaan pemohon')
    // A second request (the API) changes nothing and answers what is recorded.
    const again = await driver.postJson(`/api/cases/${caseId}/sms-opt-out`, {}, auth)
    expect(again.status).toBe(200)
    expect(await again.json()).toMatchObject({ smsOptOut: { via: 'staff', by: 'tksk.leuwiliang' } })

    const withdrawn = await driver.postJson(
      `/api/cases/${caseId}/withdraw`,
      { reason: 'Pemohon pindah' },
      auth,
    )
    expect(withdrawn.status).toBe(200)
    await driver.waitForStatus(reference, 'CLOSED', 'WITHDRAWN')
    await driver.mail('siti@example.org', reference, 'selesai')
    const sent = await smsAbout(reference)
    expect(sent).toHaveLength(1)
    expect(sent[0]?.text).toContain('diterima')

    const detail = (await (await fetch(driver.url(`/api/cases/${caseId}`), { headers: auth })).json()) as {
      timeline: { action: string; actor: { id: string } }[]
    }
    expect(detail.timeline.filter((entry) => entry.action === 'SMS_OPTED_OUT')).toHaveLength(1)
  })

  it('an SMS the service refuses does not hold up the case or its mails', async () => {
    const refused = '+6281111111111'
    platform.sms.faults.rejectNumbers = new Set([refused])
    const { reference } = await newCase({ phone: '081111111111' })
    const ask = await driver.mail(EMAILS.tksk, reference, 'Asesmen')
    await driver.act(driver.linkIn(ask), ASSESSED)
    await driver.waitForStatus(reference, 'RECOMMENDATION')
    await driver.mail(EMAILS.dinsos, reference, 'Persetujuan')
    expect(await smsAbout(reference)).toEqual([])
    expect(platform.sms.answered.rejected).toBeGreaterThanOrEqual(2)
    // Listed with the mail not delivered (ADR 0020), with its channel, for Dinsos to see.
    const outbox = (await (await fetch(driver.url('/api/dev/outbox'))).json()) as {
      deadLetters: { failed: { channel: string; to: string; subject: string; failure?: { code: string } }[] }
    }
    const failed = outbox.deadLetters.failed.filter((item) => item.subject.includes(reference))
    expect(failed.map(({ channel, to, failure }) => ({ channel, to, code: failure?.code }))).toEqual([
      { channel: 'sms', to: refused, code: 'ValidationException' },
      { channel: 'sms', to: refused, code: 'ValidationException' },
    ])
  })
})
