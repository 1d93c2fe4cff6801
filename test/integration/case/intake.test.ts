import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn'
import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { mockClient } from 'aws-sdk-client-mock'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseReference } from '../../../functions/core/case/reference'
import { referenceCounterKey } from '../../../functions/data/keys'
import { dynamo } from '../../../functions/shared/clients'
import { env } from '../../../functions/shared/env'
import { readStreamDeadLetters } from '../../../infra/local/mail/dead-letters'
import { CASE_STARTER } from '../../../infra/stacks/function-access'
import { login, startTestPlatform, type TestPlatform } from '../../support/platform'
import { createDriver, EMAILS, intakeBody, nikOf } from './case-driver'

let platform: TestPlatform
const driver = createDriver(() => platform.url)

beforeAll(async () => {
  // A start that fails goes to the case starter's dead letter at once: a read must make it up.
  platform = await startTestPlatform({ caseStarter: { maxRetryAttempts: 0 } })
})

afterAll(async () => {
  await platform?.dispose()
})

const BAD_INPUTS: [string, unknown, string][] = [
  ['a NIK of 15 digits', intakeBody({}, { nik: '320114450780001' }), 'applicant.nik'],
  ['a NIK of a province that never existed', intakeBody({}, { nik: '9999994507800001' }), 'applicant.nik'],
  [
    'a birth date two years in the future that the NIK encodes',
    intakeBody({}, { nik: '3201144507280001', birthDate: '2028-07-05' }),
    'applicant.birthDate',
  ],
  [
    'a birth date more than 120 years back',
    intakeBody({}, { nik: '3201144507000001', birthDate: '1900-07-05' }),
    'applicant.birthDate',
  ],
  ['a NIK with an impossible date', intakeBody({}, { nik: '3201143213800001' }), 'applicant.nik'],
  ['a NIK with serial 0000', intakeBody({}, { nik: '3201144507800000' }), 'applicant.nik'],
  ['a birth date other than the NIK’s', intakeBody({}, { birthDate: '1981-07-05' }), 'applicant.nik'],
  ['a KK that is not 16 digits', intakeBody({}, { kk: '32011401011000' }), 'applicant.kk'],
  [
    'a village that does not exist',
    intakeBody({}, { villageCode: '32.01.14.9999' }),
    'applicant.villageCode',
  ],
  ['a malformed village code', intakeBody({}, { villageCode: '3201142001' }), 'applicant.villageCode'],
  ['a one-letter name', intakeBody({}, { name: 'S' }), 'applicant.name'],
  ['a name over 100 characters', intakeBody({}, { name: 'S'.repeat(101) }), 'applicant.name'],
  ['an address over 200 characters', intakeBody({}, { address: 'A'.repeat(201) }), 'applicant.address'],
  ['a phone number that is not Indonesian mobile', intakeBody({}, { phone: '021555123' }), 'applicant.phone'],
  ['an invalid email', intakeBody({}, { email: 'siti@' }), 'applicant.email'],
  ['a birth date that is not a date', intakeBody({}, { birthDate: '1980-02-30' }), 'applicant.birthDate'],
  ['an unknown category', intakeBody({ category: 'PENGANGGURAN' }), 'category'],
  ['an unknown service', intakeBody({ service: 'BLT' }), 'service'],
  ['a description over 2,000 characters', intakeBody({ description: 'x'.repeat(2001) }), 'description'],
  ['consent false', intakeBody({ consent: false }), 'consent'],
  ['consent missing', (({ consent: _c, ...rest }) => rest)(intakeBody()), 'consent'],
  ['an unknown top-level field', intakeBody({ extra: 1 }), 'extra'],
  ['an unknown applicant field', intakeBody({}, { religion: 'x' }), 'applicant.religion'],
  ['a missing applicant', (({ applicant: _a, ...rest }) => rest)(intakeBody()), 'applicant'],
]

describe('intake', () => {
  it.each(BAD_INPUTS)('refuses %s with 400 naming the field', async (_name, body, path) => {
    const response = await driver.postJson('/api/cases', body)
    expect(response.status).toBe(400)
    const error = (await response.json()) as { error: { code: string; details: { path: string }[] } }
    expect(error.error.code).toBe('VALIDATION_FAILED')
    expect(error.error.details.map((d) => d.path)).toContain(path)
  })

  it('accepts a NIK issued in Merauke before Papua Selatan was formed (91.01, now 93.01) and flags it for the TKSK', async () => {
    const { caseId } = await driver.submitCase(
      intakeBody({}, { nik: '9101014507800001', kk: '9101010101100001', villageCode: '93.01.01.1002' }),
    )
    const token = await login(platform.url, 'auditor.pusat')
    const detail = (await (
      await fetch(driver.url(`/api/cases/${caseId}`), { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { nikRegisteredElsewhere: boolean; regionFlags: unknown[] }
    expect(detail.regionFlags).toEqual([
      { field: 'nik', kecamatan: '91.01.01', current: '93.01.01' },
      { field: 'kk', kecamatan: '91.01.01', current: '93.01.01' },
    ])
    // Registered in the same kecamatan under its old code: not "elsewhere".
    expect(detail.nikRegisteredElsewhere).toBe(false)
    const page = await (
      await fetch(driver.url(`/staff/cases/${caseId}`), { headers: { cookie: `session=${token}` } })
    ).text()
    expect(page).toContain('Kode wilayah NIK lama atau tidak dikenal: 91.01.01 (kini 93.01.01)')
  })

  it('refuses malformed JSON with 400 and an oversize body with 413, never a 5xx', async () => {
    const malformed = await fetch(driver.url('/api/cases'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"applicant":',
    })
    expect(malformed.status).toBe(400)
    const oversize = await driver.postJson('/api/cases', intakeBody({ description: 'x'.repeat(70 * 1024) }))
    expect(oversize.status).toBe(413)
    const wrongType = await fetch(driver.url('/api/cases'), {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    })
    expect(wrongType.status).toBe(415)
  })

  it('answers the same case for the same Idempotency-Key and body, and 409 for another body', async () => {
    const body = intakeBody({}, { nik: nikOf(901) })
    const headers = { 'idempotency-key': 'kunci-901' }
    const first = await driver.submitCase(body, headers)
    const again = await driver.submitCase(body, headers)
    expect(again).toEqual(first)
    const other = await driver.postJson('/api/cases', intakeBody({}, { nik: nikOf(902) }), headers)
    expect(other.status).toBe(409)
    // One workflow: the TKSK got one assessment mail for the case.
    await driver.mail(EMAILS.tksk, first.reference, 'Asesmen')
    expect(
      (await driver.outbox(EMAILS.tksk)).filter((m) => m.subject.includes(first.reference)),
    ).toHaveLength(1)
  })

  it('still answers 201 when the workflow cannot be started, and the next read of the case starts it', async () => {
    const sfnMock = mockClient(SFNClient)
    sfnMock
      .on(StartExecutionCommand)
      .rejects(Object.assign(new Error('service unavailable'), { name: 'ServiceUnavailable' }))
    let reference: string
    let caseId: string
    try {
      ;({ reference, caseId } = await driver.submitCase(intakeBody({}, { nik: nikOf(903) })))
      // The case starter's try fails as well (ADR 0050): with no retries in this file, its
      // record goes to the dead letter, so only the read below can start the workflow.
      await platform.caseStarter.drain()
      await new Promise((r) => setTimeout(r, 500))
      expect((await driver.outbox(EMAILS.tksk)).some((m) => m.subject.includes(reference))).toBe(false)
    } finally {
      sfnMock.restore()
    }
    expect(JSON.stringify(await readStreamDeadLetters(platform.dataDir, CASE_STARTER))).toContain(
      `CASE#${caseId}`,
    )
    expect((await driver.status(reference)).response.status).toBe(200)
    await driver.mail(EMAILS.tksk, reference, 'Asesmen')
    await driver.waitForStatus(reference, 'ASSESSMENT')
  })

  it('answers the same 404 for an unknown reference and for a wrong access code, and the birth date opens nothing', async () => {
    const { reference, accessCode } = await driver.submitCase(intakeBody({}, { nik: nikOf(904) }))
    expect(accessCode).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$/)
    const wrongCode = await driver.status(reference, accessCode === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ')
    const unknown = await driver.status('320114-2026-999999')
    expect(wrongCode.response.status).toBe(404)
    expect(unknown.response.status).toBe(404)
    expect(wrongCode.body).toEqual(unknown.body)
    const byBirthDate = await fetch(
      driver.url(`/api/cases/status?reference=${reference}&birthDate=1980-07-05`),
    )
    expect(byBirthDate.status).toBe(400)
    expect(JSON.stringify(await byBirthDate.json())).not.toMatch(/IDENTIFICATION|ASSESSMENT|history/)
    const good = await driver.status(reference)
    expect(good.response.status).toBe(200)
    expect(JSON.stringify(good.body)).not.toMatch(/Siti|3201144507|FAKIR|1980/)
  })
})

describe('the resident’s access code on the staff case', () => {
  const readAs = async (username: string, caseId: string) => {
    const token = await login(platform.url, username)
    const api = await fetch(driver.url(`/api/cases/${caseId}`), {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(api.status, username).toBe(200)
    const page = await fetch(driver.url(`/staff/cases/${caseId}`), {
      headers: { cookie: `session=${token}` },
    })
    expect(page.status, username).toBe(200)
    const slip = await fetch(driver.url(`/staff/cases/${caseId}/tanda-terima`), {
      headers: { cookie: `session=${token}` },
    })
    return {
      api: ((await api.json()) as { accessCode: string | null }).accessCode,
      page: await page.text(),
      slipStatus: slip.status,
      slip: await slip.text(),
    }
  }

  it('is shown to the staff who help the resident and never to an auditor', async () => {
    const { caseId, accessCode } = await driver.submitCase(intakeBody({}, { nik: nikOf(905) }))
    for (const helper of ['tksk.leuwiliang', 'dinsos.bogor', 'kadinsos.bogor']) {
      const seen = await readAs(helper, caseId)
      expect(seen.api, helper).toBe(accessCode)
      expect(seen.page, helper).toContain(accessCode)
      expect(seen.page, helper).toContain('Kode akses cek status')
      expect(seen.slipStatus, helper).toBe(200)
      expect(seen.slip, helper).toContain(accessCode)
    }
    // A reviewer reads what was done, not how to open the resident's status (PII, ADR 0011).
    for (const reviewer of ['auditor.bogor', 'auditor.pusat', 'admin.bogor']) {
      const seen = await readAs(reviewer, caseId)
      expect(seen.api, reviewer).toBeNull()
      expect(seen.page, reviewer).not.toContain(accessCode)
      expect(seen.page, reviewer).not.toContain('Kode akses cek status')
      expect(seen.page, reviewer).not.toContain('tanda-terima')
      // The slip exists to be handed to the resident: a reviewer has none to hand it to (ADR 0057).
      expect(seen.slipStatus, reviewer).toBe(403)
      expect(seen.slip, reviewer).not.toContain(accessCode)
    }
  })
})

describe('concurrent intakes in one kecamatan', () => {
  it('all succeed with distinct, consecutive references from the atomic counter', async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        driver.postJson('/api/cases', intakeBody({}, { nik: nikOf(8000 + i) })),
      ),
    )
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201))
    const serials = (
      await Promise.all(responses.map(async (r) => ((await r.json()) as { reference: string }).reference))
    )
      .map((reference) => Number(reference.slice(-6)))
      .sort((a, b) => a - b)
    expect(new Set(serials).size).toBe(10)
    expect((serials.at(-1) ?? 0) - (serials[0] ?? 0)).toBe(9)
  })

  it('after another writer took numbers (another Lambda), the next intake takes the number after theirs, learnt from its cancelled guess', async () => {
    const serialOf = async (response: Response) => {
      expect(response.status).toBe(201)
      return parseReference(((await response.json()) as { reference: string }).reference)
    }
    const first = await serialOf(await driver.postJson('/api/cases', intakeBody({}, { nik: nikOf(8100) })))
    if (!first) throw new Error('the intake answered no reference')
    await dynamo().send(
      new UpdateCommand({
        TableName: env.mainTableName(),
        Key: referenceCounterKey(first.kecamatanCode, first.year),
        UpdateExpression: 'ADD #value :three',
        ExpressionAttributeNames: { '#value': 'value' },
        ExpressionAttributeValues: { ':three': 3 },
      }),
    )
    const after = await serialOf(await driver.postJson('/api/cases', intakeBody({}, { nik: nikOf(8101) })))
    const next = await serialOf(await driver.postJson('/api/cases', intakeBody({}, { nik: nikOf(8102) })))
    expect([after?.serial, next?.serial]).toEqual([first.serial + 4, first.serial + 5])
  })
})
