/**
 * A step that fails after its retries (issue 17, ADR 0025): the case is marked
 * NEEDS_ATTENTION with an audit entry and listed for its Dinsos; once the fault is put
 * right, "Coba lagi" redrives the execution from the failed step and the case goes on
 * and closes exactly once, with no second mail or audit entry of the failed step.
 */
import { DescribeExecutionCommand, ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workflows } from '../../../workflows/workflows'
import { createTokenCache, startTestPlatform, type TestPlatform } from '../../support/platform'
import { ASSESSED, createDriver, EMAILS, intakeBody } from './case-driver'
import { fault } from './faulty-case-steps'

let platform: TestPlatform | undefined
const baseUrl = () => platform?.url ?? ''
const driver = createDriver(baseUrl)
const tokenOf = createTokenCache(baseUrl)
let sfn: SFNClient

beforeAll(async () => {
  platform = await startTestPlatform({
    workflows: workflows.map((workflow) =>
      workflow.name === 'case'
        ? { ...workflow, stepsEntry: new URL('./faulty-case-steps.ts', import.meta.url).pathname }
        : workflow,
    ),
  })
  sfn = new SFNClient({
    region: 'ap-southeast-3',
    endpoint: `${platform.url}/__aws`,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  })
})
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
  error: string
  cause?: string
}

const get = async (path: string, username: string) =>
  fetch(`${baseUrl()}${path}`, { headers: { authorization: `Bearer ${await tokenOf(username)}` } })

const attention = async (username = 'dinsos.bogor', area = '') =>
  (await (await get(`/api/attention${area}`, username)).json()) as { items: AttentionItem[] }

const waitForAttention = async (caseId: string, timeoutMs = 40_000): Promise<AttentionItem> => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = (await attention()).items.find((item) => item.id === caseId)
    if (found) return found
    if (Date.now() > deadline) throw new Error(`case ${caseId} never needed attention`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

const auditActions = async (caseId: string): Promise<string[]> => {
  const response = await get(`/api/audit?entityId=case:${caseId}&limit=100`, 'auditor.bogor')
  expect(response.status).toBe(200)
  return ((await response.json()) as { items: { action: string }[] }).items.map((entry) => entry.action)
}

const retry = async (caseId: string, username = 'dinsos.bogor') =>
  fetch(`${baseUrl()}/api/cases/${caseId}/retry`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenOf(username)}` },
  })

const countOf = (values: string[], value: string) => values.filter((item) => item === value).length

describe('a case whose step fails after its retries', () => {
  it('needs attention, is retried by Dinsos from the failed step, and closes exactly once', async () => {
    const { caseId, reference } = await driver.submitCase(intakeBody())
    await driver.act(driver.linkIn(await driver.mail(EMAILS.tksk, reference, 'Asesmen')), ASSESSED)
    // Opening the approval commits (task, link, mail), then the Lambda dies: every retry too.
    fault.step = 'openTask'
    fault.kind = 'APPROVAL'

    const item = await waitForAttention(caseId)
    expect(item).toMatchObject({
      kind: 'CASE',
      label: reference,
      status: 'RECOMMENDATION',
      state: 'OpenApproval',
      error: 'SimulatedOutage',
      cause: 'simulated outage after the step committed',
    })
    expect(fault.failures).toBe(4) // the first attempt and the three of the Retry
    // No PII in what the list shows.
    const listed = JSON.stringify(await attention())
    for (const pii of ['3201144507800001', 'Siti Aminah', 'Kp. Cibeber']) expect(listed).not.toContain(pii)
    expect(await auditActions(caseId)).toContain('WORKFLOW_NEEDS_ATTENTION')
    // The case keeps its lifecycle status and shows the marker to staff.
    const detail = async () =>
      (await (await get(`/api/cases/${caseId}`, 'dinsos.bogor')).json()) as {
        status: string
        attention?: { status: string; state: string }
      }
    expect(await detail()).toMatchObject({
      status: 'RECOMMENDATION',
      attention: { status: 'NEEDS_ATTENTION', state: 'OpenApproval' },
    })

    // The execution halted FAILED, as an operator sees it, and can be redriven.
    const executionArn = `arn:aws:states:ap-southeast-3:000000000000:execution:tksk-case:${caseId}`
    await expect
      .poll(async () => (await sfn.send(new DescribeExecutionCommand({ executionArn }))).status)
      .toBe('FAILED')
    const halted = await sfn.send(new DescribeExecutionCommand({ executionArn }))
    expect(halted).toMatchObject({ error: 'NeedsAttention', redriveStatus: 'REDRIVABLE' })
    const failed = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn: halted.stateMachineArn, statusFilter: 'FAILED' }),
    )
    expect(failed.executions?.map((execution) => execution.executionArn)).toContain(executionArn)

    // Scope and role: a TKSK and another kabupaten's Dinsos may neither see nor retry it.
    expect((await get('/api/attention', 'tksk.leuwiliang')).status).toBe(403)
    expect((await retry(caseId, 'tksk.leuwiliang')).status).toBe(403)
    expect((await attention('dinsos.bandarlampung')).items.map((entry) => entry.id)).not.toContain(caseId)
    expect((await retry(caseId, 'dinsos.bandarlampung')).status).toBe(403)

    // The page lists it with "Coba lagi".
    const page = await get('/staff/perlu-perhatian', 'dinsos.bogor')
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain(reference)
    expect(html).toContain('Coba lagi')
    expect(html).toContain('Pembuatan tugas persetujuan')

    // The fault is put right; Dinsos retries.
    fault.step = undefined
    const retried = await retry(caseId)
    expect(retried.status).toBe(202)
    expect(await retried.json()).toMatchObject({ caseId, reference, retried: true })
    // A second click finds nothing waiting.
    expect((await retry(caseId)).status).toBe(409)
    await expect.poll(async () => (await attention()).items.map((entry) => entry.id)).not.toContain(caseId)

    expect((await detail()).attention).toBeUndefined()

    // The case goes on from the approval the failed step had opened, and closes once.
    const approval = driver.linkIn(await driver.mail(EMAILS.dinsos, reference, 'Persetujuan'))
    expect((await driver.act(approval, { decision: 'APPROVE' })).response.status).toBe(200)
    await driver.waitForStatus(reference, 'REFERRAL')
    await driver.act(driver.linkIn(await driver.mail(EMAILS.puskesmas, reference, 'Tanggapan')), {
      response: 'ACCEPT',
    })
    await driver.act(driver.linkIn(await driver.mail(EMAILS.puskesmas, reference, 'Laporan hasil')), {
      result: 'SERVED',
    })
    await driver.waitForStatus(reference, 'CLOSED', 'FULFILLED')
    await driver.mail('siti@example.org', reference, 'selesai')
    // After the result the workflow offers the TKSK another service (ADR 0037); the TKSK
    // declines it, and the execution ends.
    let offer: string | undefined
    await expect
      .poll(async () => {
        offer = (
          (await (await get(`/api/cases/${caseId}`, 'dinsos.bogor')).json()) as {
            followUp?: { taskId: string } | null
          }
        ).followUp?.taskId
        return offer
      })
      .toBeTruthy()
    const declined = await fetch(`${baseUrl()}/api/tasks/${offer}/complete`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await tokenOf('tksk.leuwiliang')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ action: 'DONE' }),
    })
    expect(declined.status).toBe(200)
    await expect
      .poll(async () => (await sfn.send(new DescribeExecutionCommand({ executionArn }))).status)
      .toBe('SUCCEEDED')

    const count = async (to: string, subject: string) =>
      (await driver.outbox(to)).filter((m) => m.subject.includes(reference) && m.subject.includes(subject))
        .length
    expect(await count(EMAILS.dinsos, 'Persetujuan')).toBe(1)
    expect(await count('siti@example.org', 'selesai')).toBe(1)
    const actions = await auditActions(caseId)
    expect(countOf(actions, 'WORKFLOW_NEEDS_ATTENTION')).toBe(1)
    expect(countOf(actions, 'WORKFLOW_RETRY_REQUESTED')).toBe(1)
    expect(countOf(actions, 'WORKFLOW_RESUMED')).toBe(1)
    expect(countOf(actions, 'CASE_CLOSED')).toBe(1)
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).redriveCount).toBe(1)
  })
})
