/**
 * A step that fails after its retries (issue 17, ADR 0025): the case is marked
 * NEEDS_ATTENTION with an audit entry and listed for its Dinsos; once the fault is put
 * right, "Coba lagi" redrives the execution from the failed step and the case goes on
 * and closes exactly once, with no second mail or audit entry of the failed step.
 */
import { ListExecutionsCommand } from '@aws-sdk/client-sfn'
import { describe, expect, it } from 'vitest'
import { countOf, useNeedsAttentionPlatform } from '../../support/needs-attention'
import { ASSESSED, createDriver, EMAILS, intakeBody } from './case-driver'
import { fault } from './faulty-case-steps'

const platform = useNeedsAttentionPlatform('case', new URL('./faulty-case-steps.ts', import.meta.url))
const { attention, auditActions, call, execution, sfn, url: baseUrl, waitForAttention } = platform
const driver = createDriver(baseUrl)

const get = (path: string, username: string) => call(username, path)

const retry = (caseId: string, username = 'dinsos.bogor') =>
  call(username, `/api/cases/${caseId}/retry`, { method: 'POST' })

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
    expect(await auditActions(`case:${caseId}`)).toContain('WORKFLOW_NEEDS_ATTENTION')
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
    await expect.poll(async () => (await execution(caseId)).status).toBe('FAILED')
    const halted = await execution(caseId)
    expect(halted).toMatchObject({ error: 'NeedsAttention', redriveStatus: 'REDRIVABLE' })
    const failed = await sfn().send(
      new ListExecutionsCommand({ stateMachineArn: halted.stateMachineArn, statusFilter: 'FAILED' }),
    )
    expect(failed.executions?.map((execution) => execution.executionArn)).toContain(executionArn)

    // Scope and role: a TKSK and another kabupaten's Dinsos may neither see nor retry it.
    expect((await get('/api/attention', 'tksk.leuwiliang')).status).toBe(403)
    expect((await retry(caseId, 'tksk.leuwiliang')).status).toBe(403)
    expect((await attention('dinsos.bandarlampung')).map((entry) => entry.id)).not.toContain(caseId)
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
    await expect.poll(async () => (await attention()).map((entry) => entry.id)).not.toContain(caseId)

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
    const declined = await call('tksk.leuwiliang', `/api/tasks/${offer}/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'DONE' }),
    })
    expect(declined.status).toBe(200)
    await expect.poll(async () => (await execution(caseId)).status).toBe('SUCCEEDED')

    const count = async (to: string, subject: string) =>
      (await driver.outbox(to)).filter((m) => m.subject.includes(reference) && m.subject.includes(subject))
        .length
    expect(await count(EMAILS.dinsos, 'Persetujuan')).toBe(1)
    expect(await count('siti@example.org', 'selesai')).toBe(1)
    const actions = await auditActions(`case:${caseId}`)
    expect(countOf(actions, 'WORKFLOW_NEEDS_ATTENTION')).toBe(1)
    expect(countOf(actions, 'WORKFLOW_RETRY_REQUESTED')).toBe(1)
    expect(countOf(actions, 'WORKFLOW_RESUMED')).toBe(1)
    expect(countOf(actions, 'CASE_CLOSED')).toBe(1)
    expect((await execution(caseId)).redriveCount).toBe(1)
  })
})
