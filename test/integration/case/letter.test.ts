/**
 * The Surat Rekomendasi (DESIGN §3.6, §4 `GET /v/{code}`): an approval issues one letter,
 * staff print it with its verification URL, anyone verifies it without seeing PII, and
 * it stops being valid on the project clock.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LETTER_VALIDITY_DAYS } from '../../../functions/core/case/recommendation-letter'
import { getCase } from '../../../functions/data/case-repository'
import { letterPartitionPrefix } from '../../../functions/data/keys'
import { getTask } from '../../../functions/data/task-repository'
import { dynamo } from '../../../functions/shared/clients'
import { env } from '../../../functions/shared/env'
import { qrSvg } from '../../../functions/web/qr-code'
import { handler as caseSteps } from '../../../functions/steps/case/handler'
import { login, startTestPlatform, type TestPlatform } from '../../support/platform'
import { ASSESSED, createDriver, DAY, EMAILS, intakeBody, nikOf } from './case-driver'

let platform: TestPlatform
const driver = createDriver(() => platform.url)
const nik = nikOf(801)

beforeAll(async () => {
  platform = await startTestPlatform()
})
afterAll(async () => {
  await platform?.dispose()
})

/** Letters of a case, however many there are (a test-only Scan: the app never lists letters). */
const lettersOf = async (caseId: string) => {
  const { Items } = await dynamo().send(
    new ScanCommand({
      TableName: env.mainTableName(),
      FilterExpression: 'begins_with(pk, :prefix) AND caseId = :caseId',
      ExpressionAttributeValues: { ':prefix': letterPartitionPrefix, ':caseId': caseId },
    }),
  )
  return Items ?? []
}

const approvalTaskIdOf = async (caseId: string): Promise<string> => {
  const applied = ((await getCase(caseId))?.steps ?? []).filter((s) => s.startsWith('apply:'))
  for (const step of applied) {
    const task = await getTask(step.slice('apply:'.length))
    if (task?.kind === 'APPROVAL') return task.taskId
  }
  throw new Error(`case ${caseId} has no applied approval`)
}

const page = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(driver.url(path), { headers, redirect: 'manual' })
  return { status: response.status, html: await response.text() }
}

describe('the Surat Rekomendasi of an approved case', () => {
  it('is issued once on approval, printed for staff, verified without PII, and expires', async () => {
    const { caseId, reference } = await driver.submitCase(intakeBody({}, { nik }))
    await driver.act(driver.linkIn(await driver.mail(EMAILS.tksk, reference, 'Asesmen')), ASSESSED)
    await driver.waitForStatus(reference, 'RECOMMENDATION')
    const approval = driver.linkIn(await driver.mail(EMAILS.dinsos, reference, 'Persetujuan'))
    expect((await driver.act(approval, { decision: 'APPROVE' })).response.status).toBe(200)
    await driver.waitForStatus(reference, 'REFERRAL')

    const token = await login(platform.url, 'dinsos.bogor')
    const detail = (await (
      await fetch(driver.url(`/api/cases/${caseId}`), { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { letterCode?: string }
    const code = detail.letterCode ?? ''
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/)

    // Public verification: genuine, the service facts, nothing about the person.
    const verified = await page(`/v/${code}`)
    expect(verified.status).toBe(200)
    expect(verified.html).toContain('Surat ini asli')
    expect(verified.html).toContain(reference)
    expect(verified.html).toContain('Jaminan Kesehatan Daerah (Jamkesda)')
    expect(verified.html).toContain('Dinas Sosial Kabupaten Bogor')
    expect(verified.html).not.toContain('sudah tidak berlaku')
    for (const pii of [nik, '320114******', 'Siti Aminah', 'Cibeber', '081234567890', 'siti@example.org'])
      expect(verified.html).not.toContain(pii)
    // As a person types it off the paper: lower case, grouped with dashes.
    const typed = code.toLowerCase().match(/.{4}/g)?.join('-') ?? ''
    expect((await page(`/v/${typed}`)).status).toBe(200)

    // Unknown and malformed codes get the same 404.
    const unknown = await page('/v/ABCDEFGHJKMNPQRS')
    const malformed = await page('/v/bukan-kode')
    expect(unknown.status).toBe(404)
    expect(malformed.status).toBe(404)
    expect(unknown.html).toContain('Surat tidak ditemukan')
    expect(malformed.html).toBe(unknown.html)

    // Staff in scope print it with the verification URL; the case page links it.
    const session = { cookie: `session=${token}` }
    const letter = await page(`/staff/cases/${caseId}/surat`, session)
    expect(letter.status).toBe(200)
    expect(letter.html).toContain(`${platform.url}/v/${code}`)
    // The QR code is drawn from exactly that URL (the rest of its <svg> tag and all its path data).
    const qr = await qrSvg(`${platform.url}/v/${code}`)
    expect(letter.html).toContain(qr.slice('<svg '.length))
    expect(letter.html).toContain('class="qr-code" role="img"')
    expect(letter.html).toContain(reference)
    expect(letter.html).toContain('Siti Aminah')
    expect(letter.html).toContain('320114******0801')
    expect(letter.html).not.toContain(nik)
    expect(letter.html).not.toMatch(/<script>|style=/)
    expect((await page(`/staff/cases/${caseId}`, session)).html).toContain(`/staff/cases/${caseId}/surat`)
    const outsider = { cookie: `session=${await login(platform.url, 'tksk.panjang')}` }
    expect((await page(`/staff/cases/${caseId}/surat`, outsider)).status).toBe(403)

    // A replayed approval step (same task, same state) issues no second letter.
    expect(await lettersOf(caseId)).toHaveLength(1)
    const replay = await caseSteps({
      step: 'applyDecision',
      kind: 'APPROVAL',
      input: { caseId, taskId: await approvalTaskIdOf(caseId), round: 1 },
    })
    expect(replay?.next).toBe('REFER')
    expect(await lettersOf(caseId)).toHaveLength(1)
    expect((await getCase(caseId))?.letterCode).toBe(code)

    // Finish the case, then let the validity run out on the project clock.
    const referral = driver.linkIn(await driver.mail(EMAILS.puskesmas, reference, 'Tanggapan'))
    await driver.act(referral, { response: 'ACCEPT' })
    await driver.act(driver.linkIn(await driver.mail(EMAILS.puskesmas, reference, 'Laporan hasil')), {
      result: 'SERVED',
    })
    await driver.waitForStatus(reference, 'CLOSED', 'FULFILLED')
    await driver.advance((LETTER_VALIDITY_DAYS + 1) * DAY)
    const expired = await page(`/v/${code}`)
    expect(expired.status).toBe(200)
    expect(expired.html).toContain('Surat ini asli')
    expect(expired.html).toContain('sudah tidak berlaku')
  })
})
