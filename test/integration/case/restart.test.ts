import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startTestPlatform, type TestPlatform } from '../../support/platform'
import { ASSESSED, createDriver, EMAILS, intakeBody } from './case-driver'

const dataDir = mkdtempSync(join(tmpdir(), 'tksk-restart-'))
const tablePrefix = `restart${process.pid}${Date.now().toString(36)}`
let platform: TestPlatform | undefined
const driver = createDriver(() => platform?.url ?? '')

afterAll(async () => {
  await platform?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('a restart in the middle of a case', () => {
  it('resumes the waiting case, whose old links still decide, and finishes it exactly once', async () => {
    platform = await startTestPlatform({ dataDir, tablePrefix })
    const { reference } = await driver.submitCase(intakeBody())
    await driver.act(driver.linkIn(await driver.mail(EMAILS.tksk, reference, 'Asesmen')), ASSESSED)
    await driver.waitForStatus(reference, 'RECOMMENDATION')
    const approval = driver.linkIn(await driver.mail(EMAILS.dinsos, reference, 'Persetujuan'))
    await platform.stop()

    platform = await startTestPlatform({ dataDir, tablePrefix })
    const oldOrigin = new URL(approval)
    const relinked = `${platform.url}${oldOrigin.pathname}${oldOrigin.search}`
    expect((await driver.act(relinked, { decision: 'APPROVE' })).response.status).toBe(200)
    await driver.waitForStatus(reference, 'REFERRAL')
    const referral = driver.linkIn(await driver.mail(EMAILS.puskesmas, reference, 'Tanggapan'))
    await driver.act(referral, { response: 'ACCEPT' })
    await driver.act(driver.linkIn(await driver.mail(EMAILS.puskesmas, reference, 'Laporan hasil')), {
      result: 'SERVED',
    })
    await driver.waitForStatus(reference, 'CLOSED', 'FULFILLED')
    // Exactly once: one approval request, one closing notice, one referral request.
    const count = async (to: string, subject: string) =>
      (await driver.outbox(to)).filter((m) => m.subject.includes(reference) && m.subject.includes(subject))
        .length
    await driver.mail('siti@example.org', reference, 'selesai')
    expect(await count(EMAILS.dinsos, 'Persetujuan')).toBe(1)
    expect(await count(EMAILS.puskesmas, 'Tanggapan')).toBe(1)
    expect(await count('siti@example.org', 'selesai')).toBe(1)
  })
})
