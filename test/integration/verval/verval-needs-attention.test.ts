/**
 * A verval step (or Map) that fails after its retries (issue 17, ADR 0040), as a case's
 * does (ADR 0025): the batch keeps its status, is marked NEEDS_ATTENTION with an audit
 * entry and listed for its Dinsos, and "Coba lagi" redrives its workflow from the failed
 * state. Past AWS's 14 days of redrive the retry is refused and the page says so; a new
 * upload of the period supersedes the halted batch and takes it off the list.
 */
import { describe, expect, it } from 'vitest'
import { countOf, useNeedsAttentionPlatform } from '../../support/needs-attention'
import { breakStep } from './crashing-steps'
import { createVervalDriver, currentPeriod, family } from './verval-driver'

const DAY = 24 * 60 * 60

const platform = useNeedsAttentionPlatform('verval', new URL('./crashing-steps.ts', import.meta.url))
const { attention, execution, retryFromPage, waitForAttention } = platform
let driver = createVervalDriver(platform.url)

const query = (program: string, period = currentPeriod()) => `program=${program}&period=${period}`

const retry = (batchId: string, username = 'dinsos.bogor') =>
  driver.call(username, `/api/verval/${batchId}/retry`, { method: 'POST' })

const auditActions = (batchId: string) => platform.auditActions(`batch:${batchId}`)

describe('a verval batch whose step fails after its retries', () => {
  it('needs attention in the status it had, is retried by Dinsos from the failed Map, and goes on to approval', async () => {
    const broken = breakStep('validateChunk')
    const rows = Array.from({ length: 5 }, (_, n) => family(600 + n))
    const batchId = await driver.uploadOk(rows, 'tksk.leuwiliang', query('BPNT'))
    const item = await waitForAttention(batchId).finally(() => broken.heal())
    expect(item).toMatchObject({
      kind: 'BATCH',
      label: `Verval BPNT ${currentPeriod()}`,
      status: 'VALIDATING',
      state: 'ValidateChunks',
    })
    expect((await driver.batch(batchId)).status).toBe('VALIDATING')
    expect(await auditActions(batchId)).toContain('WORKFLOW_NEEDS_ATTENTION')
    // No row of the file in what the list shows.
    expect(JSON.stringify(await attention())).not.toContain(rows[0]?.nik ?? '-')
    await expect.poll(async () => (await execution(batchId)).status).toBe('FAILED')

    // Only Dinsos of the kabupaten may retry it; the page offers it.
    expect((await retry(batchId, 'tksk.leuwiliang')).status).toBe(403)
    expect((await retry(batchId, 'dinsos.bandarlampung')).status).toBe(403)
    // "Coba lagi" on the page: retried, and back to the list that says so.
    const action = `/staff/perlu-perhatian/verval/${batchId}/coba-lagi`
    const retried = await retryFromPage(action)
    expect(retried.page).toContain(`Verval BPNT ${currentPeriod()}`)
    expect(retried.page).toContain('Validasi baris verval')
    expect(retried.page).toContain(action)
    expect(retried.status).toBe(303)
    expect(retried.location).toBe(`/staff/perlu-perhatian?retriedBatch=${batchId}`)
    const confirmed = await retried.follow()
    expect(confirmed.status).toBe(200)
    expect(await confirmed.text()).toContain('sedang diproses ulang')
    expect((await retry(batchId)).status).toBe(409)
    expect((await driver.waitFor(batchId, ['AWAITING_APPROVAL', 'INVALID'])).status).toBe('AWAITING_APPROVAL')
    expect((await attention()).map((entry) => entry.id)).not.toContain(batchId)

    const actions = await auditActions(batchId)
    expect(countOf(actions, 'WORKFLOW_NEEDS_ATTENTION')).toBe(1)
    expect(countOf(actions, 'WORKFLOW_RETRY_REQUESTED')).toBe(1)
    expect(countOf(actions, 'WORKFLOW_RESUMED')).toBe(1)
    expect((await execution(batchId)).redriveCount).toBe(1)
  }, 120_000)

  it('past 14 days cannot be retried, and the page says what to do; a new upload supersedes it and takes it off the list', async () => {
    const broken = breakStep('prepare')
    // The period of the halted batch: 15 days on it may be last month's (from the 16th of a
    // month, or on 31 December), still open for upload, and only its own upload supersedes.
    const period = currentPeriod()
    const halted = await driver.uploadOk([family(800)], 'tksk.leuwiliang', query('PKH', period))
    await waitForAttention(halted).finally(() => broken.heal())

    await driver.advance(15 * DAY)
    // Days on, the sign-ins of the start have expired: a fresh driver signs in again.
    driver = createVervalDriver(platform.url)
    platform.signInAgain()
    const refused = await retry(halted)
    expect(refused.status).toBe(409)
    expect(JSON.stringify(await refused.json())).toContain('lebih dari 14 hari')
    const page = await (await driver.call('dinsos.bogor', '/staff/perlu-perhatian')).text()
    expect(page).toContain('Tidak dapat dicoba lagi')
    expect(page).not.toContain(`/staff/perlu-perhatian/verval/${halted}/coba-lagi`)
    expect(countOf(await auditActions(halted), 'WORKFLOW_RETRY_REQUESTED')).toBe(0)

    const again = await driver.uploadOk([family(800)], 'tksk.leuwiliang', query('PKH', period))
    expect((await driver.batch(halted)).status).toBe('SUPERSEDED')
    expect((await attention()).map((entry) => entry.id)).not.toContain(halted)
    expect((await retry(halted)).status).toBe(409)
    expect((await driver.waitFor(again, ['AWAITING_APPROVAL', 'INVALID'])).status).toBe('AWAITING_APPROVAL')
  }, 120_000)
})
