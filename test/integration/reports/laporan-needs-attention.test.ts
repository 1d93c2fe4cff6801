/**
 * A laporan deadline step that fails after its retries (issue 17, ADR 0040), as a case's
 * or a verval batch's does: the report keeps its status, is marked NEEDS_ATTENTION with an
 * audit entry and listed for the Dinsos of its kabupaten (no narrative), the TKSK can still
 * write it meanwhile, and "Coba lagi" redrives the workflow from the failed step, which
 * then sends the reminder it owed. Past AWS's 14 days of redrive the retry is refused.
 */
import { fileURLToPath } from 'node:url'
import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nowMs } from '../../../functions/shared/clock'
import { workflows } from '../../../workflows/workflows'
import { login, startTestPlatform, type TestPlatform } from '../../support/platform'
import { createAdminClient } from '../admin/admin-client'
import { currentPeriod } from '../verval/verval-driver'
import { breakLaporanStep } from './breaking-laporan-steps'

let platform: TestPlatform
let sfn: SFNClient
let client = createAdminClient(() => platform.url)

beforeAll(async () => {
  platform = await startTestPlatform({
    workflows: workflows.map((workflow) =>
      workflow.name === 'laporan'
        ? { ...workflow, stepsEntry: fileURLToPath(new URL('./breaking-laporan-steps.ts', import.meta.url)) }
        : workflow,
    ),
  })
  sfn = new SFNClient({
    region: 'ap-southeast-3',
    endpoint: `${platform.url}/__aws`,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  })
}, 60_000)
afterAll(async () => {
  sfn?.destroy()
  await platform?.dispose()
})

interface AttentionItem {
  kind: string
  id: string
  label: string
  status: string
  state: string
}

const month = currentPeriod()
const NARRATIVE = { masalah: 'Warga NIK 3201140101900001 belum terdata.', tindakLanjut: 'Didata ulang.' }

const attention = async (): Promise<AttentionItem[]> => {
  const response = await client.call<{ items: AttentionItem[] }>('GET', '/api/attention', 'dinsos.bogor')
  expect(response.status).toBe(200)
  return response.body.items
}

const waitForAttention = async (laporanId: string): Promise<AttentionItem> => {
  const deadline = Date.now() + 60_000
  for (;;) {
    const found = (await attention()).find((item) => item.id === laporanId)
    if (found) return found
    if (Date.now() > deadline) throw new Error(`laporan ${laporanId} never needed attention`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

const advanceTo = async (iso: string, beyondSeconds: number) => {
  const seconds = Math.ceil((Date.parse(iso) - nowMs()) / 1000) + beyondSeconds
  const response = await fetch(`${platform.url}/api/dev/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seconds }),
  })
  expect(response.status).toBe(200)
  // Sessions end after 8 hours: the users sign in again on the moved clock.
  client = createAdminClient(() => platform.url)
}

const reminders = async (): Promise<unknown[]> =>
  (
    (await (
      await fetch(
        `${platform.url}/api/dev/outbox?to=${encodeURIComponent('tksk.leuwiliang@dinsos.bogorkab.local')}`,
      )
    ).json()) as { items: { subject: string }[] }
  ).items.filter(
    (mail) => mail.subject.includes(`Laporan 32.01.14 ${month}`) && mail.subject.includes('Pengingat'),
  )

const auditActions = async (laporanId: string): Promise<string[]> => {
  const response = await client.call<{ items: { action: string }[] }>(
    'GET',
    `/api/audit?entityId=${encodeURIComponent(`laporan:${laporanId}`)}&limit=100`,
    'auditor.bogor',
  )
  expect(response.status).toBe(200)
  return response.body.items.map((entry) => entry.action)
}

const countOf = (values: string[], value: string) => values.filter((item) => item === value).length

const executionArn = (laporanId: string) =>
  `arn:aws:states:ap-southeast-3:000000000000:execution:tksk-laporan:${laporanId}`

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
    await expect
      .poll(
        async () =>
          (await sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(laporanId) }))).status,
      )
      .toBe('FAILED')

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
    const cookie = `session=${await login(platform.url, 'dinsos.bogor')}`
    const page = await (await fetch(`${platform.url}/staff/perlu-perhatian`, { headers: { cookie } })).text()
    expect(page).toContain(`Laporan bulanan 32.01.14 ${month}`)
    expect(page).toContain('Pengingat laporan bulanan')
    const action = `/staff/perlu-perhatian/laporan/32.01.14/${month}/coba-lagi`
    expect(page).toContain(action)
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1]

    const retried = await fetch(`${platform.url}${action}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf ?? '' }),
      redirect: 'manual',
    })
    expect(retried.status).toBe(303)
    const back = retried.headers.get('location') ?? ''
    expect(back).toBe(`/staff/perlu-perhatian?retriedLaporan=${laporanId}`)
    expect(await (await fetch(`${platform.url}${back}`, { headers: { cookie } })).text()).toContain(
      'Laporan yang dipilih sedang diproses ulang',
    )
    expect((await retry('32.01.14')).status).toBe(409)

    // The workflow goes on from Remind: the reminder it owed is sent, once, and it waits for the due date.
    await expect.poll(async () => (await reminders()).length, { timeout: 60_000, interval: 250 }).toBe(1)
    expect((await attention()).map((entry) => entry.id)).not.toContain(laporanId)
    const actions = await auditActions(laporanId)
    expect(countOf(actions, 'WORKFLOW_NEEDS_ATTENTION')).toBe(1)
    expect(countOf(actions, 'WORKFLOW_RETRY_REQUESTED')).toBe(1)
    expect(countOf(actions, 'WORKFLOW_RESUMED')).toBe(1)
    expect(countOf(actions, 'LAPORAN_REMINDED')).toBe(1)
    const execution = await sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(laporanId) }))
    expect(execution).toMatchObject({ status: 'RUNNING', redriveCount: 1 })
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
    const cookie = `session=${await login(platform.url, 'dinsos.bogor')}`
    const page = await (await fetch(`${platform.url}/staff/perlu-perhatian`, { headers: { cookie } })).text()
    expect(page).toContain('Laporan tetap dapat diisi, dikirim, dan diterima')
    expect(page).not.toContain(`/staff/perlu-perhatian/laporan/32.01.15/${month}/coba-lagi`)
    expect(countOf(await auditActions(opened.body.laporanId), 'WORKFLOW_RETRY_REQUESTED')).toBe(0)
  }, 120_000)
})
