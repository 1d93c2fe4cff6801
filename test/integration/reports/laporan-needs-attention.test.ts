/**
 * A laporan deadline step that fails after its retries (issue 17, ADR 0040), as a case's
 * or a verval batch's does: the report keeps its status, is marked NEEDS_ATTENTION with an
 * audit entry and listed for the Dinsos of its kabupaten (no narrative), the TKSK can still
 * write it meanwhile, and "Coba lagi" redrives the workflow from the failed step, which
 * then sends the reminder it owed. Past AWS's 14 days of redrive the retry is refused.
 */
import { describe, expect, it } from 'vitest'
import { nowMs } from '../../../functions/shared/clock'
import { advanceClockTo } from '../../support/advance-clock'
import { countOf, useNeedsAttentionPlatform } from '../../support/needs-attention'
import { createAdminClient } from '../admin/admin-client'
import { currentPeriod } from '../verval/verval-driver'
import { breakLaporanStep } from './breaking-laporan-steps'

const platform = useNeedsAttentionPlatform('laporan', new URL('./breaking-laporan-steps.ts', import.meta.url))
const { attention, execution, retryFromPage, waitForAttention } = platform
let client = createAdminClient(platform.url)

const month = currentPeriod()
const NARRATIVE = { masalah: 'Warga NIK 3201140101900001 belum terdata.', tindakLanjut: 'Didata ulang.' }

const advanceTo = async (iso: string, beyondSeconds: number) => {
  await advanceClockTo(platform.url(), Date.parse(iso) + beyondSeconds * 1000)
  // Sessions end after 8 hours: the users sign in again on the moved clock.
  client = createAdminClient(platform.url)
  platform.signInAgain()
}

const reminders = async (): Promise<unknown[]> =>
  (
    (await (
      await fetch(
        `${platform.url()}/api/dev/outbox?to=${encodeURIComponent('tksk.leuwiliang@dinsos.bogorkab.local')}`,
      )
    ).json()) as { items: { subject: string }[] }
  ).items.filter(
    (mail) => mail.subject.includes(`Laporan 32.01.14 ${month}`) && mail.subject.includes('Pengingat'),
  )

const auditActions = (laporanId: string) => platform.auditActions(`laporan:${laporanId}`)

const retry = (kecamatan: string, username = 'dinsos.bogor') =>
  client.call('POST', `/api/laporan/${kecamatan}/${month}/retry`, username)

describe('a laporan whose deadline step fails after its retries', () => {
  it('needs attention in its status, stays writable, is retried by Dinsos from the failed step and sends the owed reminder', async () => {
    const opened = await client.call<{ laporanId: string; remindAt: string }>(
      'POST',
      `/api/laporan/32.01.14/${month}`,
      'tksk.leuwiliang',
    )
    expect(opened.status).toBe(201)
    const { laporanId, remindAt } = opened.body
    const broken = breakLaporanStep('remind')
    await advanceTo(remindAt, 60)
    const item = await waitForAttention(laporanId).finally(() => broken.heal())
    expect(item).toMatchObject({
      kind: 'LAPORAN',
      label: `Laporan bulanan 32.01.14 ${month}`,
      status: 'DRAFT',
      state: 'Remind',
    })
    expect(await auditActions(laporanId)).toContain('WORKFLOW_NEEDS_ATTENTION')
    await expect.poll(async () => (await execution(laporanId)).status).toBe('FAILED')

    // The TKSK writes meanwhile: the move keeps the marker, and the list shows none of it.
    expect(
      (await client.call('POST', `/api/laporan/32.01.14/${month}/narasi`, 'tksk.leuwiliang', NARRATIVE))
        .status,
    ).toBe(200)
    expect(JSON.stringify(await attention())).not.toContain('Didata ulang')
    expect(JSON.stringify(await attention())).not.toContain('3201140101900001')
    expect(await reminders()).toHaveLength(0)

    // Only Dinsos of the kabupaten may retry it; the page offers it.
    expect((await retry('32.01.14', 'tksk.leuwiliang')).status).toBe(403)
    expect((await retry('32.01.14', 'dinsos.bandarlampung')).status).toBe(403)
    const action = `/staff/perlu-perhatian/laporan/32.01.14/${month}/coba-lagi`
    const retried = await retryFromPage(action)
    expect(retried.page).toContain(`Laporan bulanan 32.01.14 ${month}`)
    expect(retried.page).toContain('Pengingat laporan bulanan')
    expect(retried.page).toContain(action)
    expect(retried.status).toBe(303)
    expect(retried.location).toBe(`/staff/perlu-perhatian?retriedLaporan=${laporanId}`)
    expect(await (await retried.follow()).text()).toContain('Laporan yang dipilih sedang diproses ulang')
    expect((await retry('32.01.14')).status).toBe(409)

    // The workflow goes on from Remind: the reminder it owed is sent, once, and it waits for the due date.
    await expect.poll(async () => (await reminders()).length, { timeout: 60_000, interval: 250 }).toBe(1)
    expect((await attention()).map((entry) => entry.id)).not.toContain(laporanId)
    const actions = await auditActions(laporanId)
    expect(countOf(actions, 'WORKFLOW_NEEDS_ATTENTION')).toBe(1)
    expect(countOf(actions, 'WORKFLOW_RETRY_REQUESTED')).toBe(1)
    expect(countOf(actions, 'WORKFLOW_RESUMED')).toBe(1)
    expect(countOf(actions, 'LAPORAN_REMINDED')).toBe(1)
    expect(await execution(laporanId)).toMatchObject({ status: 'RUNNING', redriveCount: 1 })
  }, 180_000)

  it('past 14 days cannot be retried, and the page says the report itself still works', async () => {
    const broken = breakLaporanStep('schedule')
    const opened = await client.call<{ laporanId: string }>(
      'POST',
      `/api/laporan/32.01.15/${month}`,
      'tksk.ciampea',
    )
    expect(opened.status).toBe(201)
    await waitForAttention(opened.body.laporanId).finally(() => broken.heal())

    await advanceTo(new Date(nowMs() + 15 * 86_400_000).toISOString(), 0)
    const refused = await retry('32.01.15')
    expect(refused.status).toBe(409)
    expect(JSON.stringify(refused.body)).toContain('lebih dari 14 hari')
    const page = await (await platform.call('dinsos.bogor', '/staff/perlu-perhatian')).text()
    expect(page).toContain('Laporan tetap dapat diisi, dikirim, dan diterima')
    expect(page).not.toContain(`/staff/perlu-perhatian/laporan/32.01.15/${month}/coba-lagi`)
    expect(countOf(await auditActions(opened.body.laporanId), 'WORKFLOW_RETRY_REQUESTED')).toBe(0)
  }, 120_000)
})
