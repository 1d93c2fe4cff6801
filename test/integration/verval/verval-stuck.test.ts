/**
 * No verval batch waits forever (DESIGN §3, ADR 0004): an approval nobody decides
 * reminds, escalates to the head of Dinsos (whose own link decides) and finally rejects.
 * A step that fails after its retries needs attention instead (ADR 0040):
 * verval-needs-attention.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPlatform, type TestPlatform } from '../../support/platform'
import { createVervalDriver, currentPeriod, family } from './verval-driver'

const DAY = 24 * 60 * 60
const TKSK = 'tksk.leuwiliang@dinsos.bogorkab.local'
const DINSOS = 'rehsos@dinsos.bogorkab.local'
const HEAD = 'kadis@dinsos.bogorkab.local'

let platform: TestPlatform
const driver = createVervalDriver(() => platform.url)

beforeAll(async () => {
  platform = await startTestPlatform()
}, 60_000)
afterAll(() => platform?.dispose())

const query = (program: string) => `program=${program}&period=${currentPeriod()}`

describe('a verval batch is never left waiting forever', () => {
  it('an approval past due reminds the day before, escalates to the head whose link decides (the first link then 409), and one never decided is rejected at the final deadline', async () => {
    const decided = await driver.uploadOk([family(700)], 'tksk.leuwiliang', query('PKH'))
    const forgotten = await driver.uploadOk([family(710)], 'tksk.leuwiliang', query('PBI'))
    for (const batchId of [decided, forgotten]) await driver.waitFor(batchId, ['AWAITING_APPROVAL'])
    const asked = driver.approvalLinkIn(await driver.mail(DINSOS, decided, 'Persetujuan'))
    await driver.mail(DINSOS, forgotten, 'Persetujuan')

    // Day by day: the approver is reminded before the head hears of it.
    const subjects = async (to: string) => (await driver.outbox(to)).map((m) => m.subject)
    let escalated = false
    for (let day = 0; day < 10 && !escalated; day++) {
      // The advance returns once the workflows settled, and reading the outbox drains the mailer.
      await driver.advance(DAY)
      escalated = (await subjects(HEAD)).some((s) => s.includes(decided) && s.includes('Eskalasi'))
      if (!escalated)
        expect(
          (await subjects(HEAD)).some((s) => s.includes(decided)),
          'the head is told only at due',
        ).toBe(false)
    }
    const escalation = await driver.mail(HEAD, decided, 'Eskalasi')
    expect((await subjects(DINSOS)).some((s) => s.includes(decided) && s.includes('Pengingat'))).toBe(true)

    expect((await driver.decideByLink(driver.approvalLinkIn(escalation), 'APPROVE')).status).toBe(200)
    expect((await driver.decideByLink(asked, 'REJECT', 'terlambat')).status).toBe(409)
    // Days on, the sign-ins of the start have expired: a fresh driver signs in again.
    expect((await createVervalDriver(() => platform.url).waitFor(decided, ['APPLIED'])).status).toBe(
      'APPLIED',
    )

    await driver.advance(31 * DAY)
    const later = createVervalDriver(() => platform.url)
    const rejected = await later.waitFor(forgotten, ['REJECTED'])
    expect(rejected).toMatchObject({ status: 'REJECTED', decision: { reason: 'APPROVAL_TIMEOUT' } })
    expect((await later.mail(TKSK, forgotten, 'ditolak')).text).toContain('APPROVAL_TIMEOUT')
  }, 120_000)
})
