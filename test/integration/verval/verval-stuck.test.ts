/**
 * No verval batch waits forever (DESIGN §3, ADR 0004): a step that fails after its
 * retries leaves the batch FAILED with the uploader told, and the next upload
 * supersedes it; an approval nobody decides reminds, escalates to the head of Dinsos
 * (whose own link decides) and finally rejects. One platform, since the clock moves
 * for every batch: the failure runs first, the deadlines after it.
 */
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workflows } from '../../../workflows/workflows'
import { startTestPlatform, type TestPlatform } from '../../support/platform'
import { breakStep } from './crashing-steps'
import { createVervalDriver, currentPeriod, family } from './verval-driver'

const DAY = 24 * 60 * 60
const TKSK = 'tksk.leuwiliang@dinsos.bogorkab.local'
const DINSOS = 'rehsos@dinsos.bogorkab.local'
const HEAD = 'kadis@dinsos.bogorkab.local'

let platform: TestPlatform
const driver = createVervalDriver(() => platform.url)

beforeAll(async () => {
  platform = await startTestPlatform({
    workflows: workflows.map((workflow) =>
      workflow.name === 'verval'
        ? { ...workflow, stepsEntry: fileURLToPath(new URL('./crashing-steps.ts', import.meta.url)) }
        : workflow,
    ),
  })
}, 60_000)
afterAll(() => platform?.dispose())

const query = (program: string) => `program=${program}&period=${currentPeriod()}`

describe('a verval batch is never left waiting forever', () => {
  it('a validation step that keeps failing leaves the batch FAILED, the uploader told; the next upload supersedes it', async () => {
    const broken = breakStep('validateChunk')
    const rows = Array.from({ length: 5 }, (_, n) => family(600 + n))
    const batchId = await driver.uploadOk(rows, 'tksk.leuwiliang', query('BPNT'))
    try {
      expect((await driver.waitFor(batchId, ['FAILED', 'AWAITING_APPROVAL', 'INVALID'], 60_000)).status).toBe(
        'FAILED',
      )
    } finally {
      broken.heal()
    }
    const failedMail = await driver.mail(TKSK, batchId, 'gagal diproses')
    expect(failedMail.text).toContain('unggah kembali')
    // The batch's own chain (one partition): the area-wide action query took the 29 s
    // integration timeout once in a loaded full run.
    const audit = await driver.call('auditor.bogor', `/api/audit?entityId=batch:${batchId}&limit=100`)
    expect(audit.status).toBe(200)
    const entries = ((await audit.json()) as { items: { action: string }[] }).items
    expect(entries.filter((entry) => entry.action === 'VERVAL_FAILED')).toHaveLength(1)

    const again = await driver.uploadOk(rows, 'tksk.leuwiliang', query('BPNT'))
    expect((await driver.batch(batchId)).status).toBe('SUPERSEDED')
    expect((await driver.waitFor(again, ['AWAITING_APPROVAL', 'INVALID', 'FAILED'])).status).toBe(
      'AWAITING_APPROVAL',
    )
  }, 90_000)

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
      await driver.advance(DAY)
      await new Promise((r) => setTimeout(r, 500))
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
