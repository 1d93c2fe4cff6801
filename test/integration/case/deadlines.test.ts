/**
 * Time-driven paths (DESIGN §3): reminders, escalations and final deadlines, on the
 * project clock moved by `/api/dev/clock/advance`. Moving the clock moves it for every
 * case of a platform: a test counting hari kerja from today gets a platform of its own on
 * today's clock; one whose deadlines are calendar days takes over the platform of the test
 * before it once that test's case has closed (nothing of it is left to fire).
 */
import { afterAll, describe, expect, it } from 'vitest'
import { startTestPlatform, type TestPlatform } from '../../support/platform'
import { auditOfCase } from '../audit/case-audit'
import { ASSESSED, createDriver, DAY, EMAILS, intakeBody } from './case-driver'

let platform: TestPlatform | undefined
/** Every case of the running platform is closed. */
let closed = false
const driver = createDriver(() => platform?.url ?? '')

afterAll(async () => {
  await platform?.dispose()
  platform = undefined
})

const platformFor = async (deadlines: 'working days' | 'calendar days') => {
  if (deadlines === 'calendar days' && platform && closed) return
  await platform?.dispose()
  platform = await startTestPlatform()
  closed = false
}

const toApproval = async (deadlines: 'working days' | 'calendar days') => {
  await platformFor(deadlines)
  const { reference, caseId } = await driver.submitCase(intakeBody())
  await driver.act(driver.linkIn(await driver.mail(EMAILS.tksk, reference, 'Asesmen')), ASSESSED)
  await driver.waitForStatus(reference, 'RECOMMENDATION')
  const approverLink = driver.linkIn(await driver.mail(EMAILS.dinsos, reference, 'Persetujuan'))
  return { reference, caseId, approverLink }
}

describe('deadlines of a case', () => {
  it('an approval past due reaches kadinsos.bogor with a link of its own; the head decides and the approver’s link then gets 409, every step in the case’s verified audit', async () => {
    const { reference, caseId, approverLink } = await toApproval('working days')
    await driver.advancePastDue('dinsos.bogor', reference, 'APPROVAL')
    const escalation = await driver.mail(EMAILS.head, reference, 'Eskalasi')
    expect(escalation.text).toContain('Persetujuan rekomendasi')
    // After the escalation both are reminded daily.
    await driver.advance(DAY)
    await driver.mail(EMAILS.dinsos, reference, 'Pengingat')
    await driver.mail(EMAILS.head, reference, 'Pengingat')
    expect((await driver.act(driver.linkIn(escalation), { decision: 'APPROVE' })).response.status).toBe(200)
    const late = await driver.act(approverLink, { decision: 'REJECT', reason: 'terlambat' })
    expect(late.response.status).toBe(409)
    expect(late.html).toContain('sudah diputuskan oleh Kepala Dinsos Kab. Bogor pada')
    await driver.waitForStatus(reference, 'REFERRAL')
    // The referral task is opened after the status changes; its mail says it exists.
    await driver.mail(EMAILS.puskesmas, reference)
    const { entries, verdict, rows } = await auditOfCase(platform?.url ?? '', caseId)
    expect(entries.map((e) => `${e.action} by ${e.actor.id}`)).toEqual([
      'CASE_CREATED by resident',
      'CASE_IDENTIFIED by tksk-flow',
      'TASK_CREATED by tksk-flow',
      // The TKSK's link page shows whom to visit and where: the view is a PII_READ (issue 19).
      'PII_READ by tksk.leuwiliang',
      'TASK_DECIDED by tksk.leuwiliang',
      'CASE_ASSESSED by tksk.leuwiliang',
      'CASE_RECOMMENDED by tksk-flow',
      'TASK_CREATED by tksk-flow',
      'TASK_ESCALATED by tksk-flow',
      'TASK_REMINDED by tksk-flow',
      'TASK_DECIDED by kadinsos.bogor',
      'CASE_APPROVED by kadinsos.bogor',
      'TASK_CREATED by tksk-flow',
    ])
    expect(entries[10]?.actor).toMatchObject({ role: 'dinsos_head', ip: expect.any(String) })
    expect(verdict).toMatchObject({ valid: true, checked: entries.length })
    expect(rows.map((r) => r.seq)).toEqual(entries.map((e) => e.seq))
  })

  it('an assessment past due goes to the Dinsos, who extends it; after 30 days without assessment the case closes NOT_FULFILLED', async () => {
    await platformFor('working days')
    const { reference } = await driver.submitCase(intakeBody())
    await driver.mail(EMAILS.tksk, reference, 'Asesmen')
    await driver.advancePastDue('tksk.leuwiliang', reference, 'ASSESSMENT')
    const escalation = await driver.mail(EMAILS.dinsos, reference, 'alihkan atau perpanjang')
    expect(
      (await driver.act(driver.linkIn(escalation), { action: 'EXTEND', days: '3' })).response.status,
    ).toBe(200)
    // The extended due date gets its own reminder, the day before it: sent by an hour before
    // the new due moment, read from the task (3 hari kerja may span a weekend or a holiday).
    const remindersBefore = (await driver.outbox(EMAILS.tksk)).filter(
      (m) => m.subject.includes(reference) && m.subject.includes('Pengingat'),
    ).length
    await driver.advanceToDue('tksk.leuwiliang', reference, 'ASSESSMENT', -3600)
    await driver.waitForOutboxCount(EMAILS.tksk, reference, 'Pengingat', remindersBefore + 1)
    await driver.advance(25 * DAY)
    await driver.waitForStatus(reference, 'CLOSED', 'NOT_FULFILLED')
    closed = true
  })

  it('an approval without any decision for 30 days closes NOT_FULFILLED, the head and the auditor told', async () => {
    const { reference, approverLink } = await toApproval('calendar days')
    await driver.advance(31 * DAY)
    await driver.waitForStatus(reference, 'CLOSED', 'NOT_FULFILLED')
    await driver.mail(EMAILS.auditor, reference, 'Batas akhir')
    await driver.mail(EMAILS.head, reference, 'Batas akhir')
    expect((await fetch(approverLink)).status).toBe(410)
    closed = true
  })

  it('a referral result not reported within 60 days closes NOT_FULFILLED (NO_REPORT)', async () => {
    const { reference, approverLink } = await toApproval('calendar days')
    await driver.act(approverLink, { decision: 'APPROVE' })
    await driver.act(driver.linkIn(await driver.mail(EMAILS.puskesmas, reference, 'Tanggapan')), {
      response: 'ACCEPT',
    })
    await driver.mail(EMAILS.puskesmas, reference, 'Laporan hasil')
    await driver.advance(29 * DAY + 3600)
    await driver.mail(EMAILS.puskesmas, reference, 'Pengingat')
    await driver.advance(32 * DAY)
    await driver.waitForStatus(reference, 'CLOSED', 'NOT_FULFILLED')
    closed = true
  })

  it('an overdue assessment reassigned to the TKSK of Ciampea is done by her link, the first TKSK’s link then gone', async () => {
    await platformFor('working days')
    const { reference } = await driver.submitCase(intakeBody())
    const first = driver.linkIn(await driver.mail(EMAILS.tksk, reference, 'Asesmen'))
    await driver.advancePastDue('tksk.leuwiliang', reference, 'ASSESSMENT')
    const escalation = driver.linkIn(await driver.mail(EMAILS.dinsos, reference, 'alihkan atau perpanjang'))
    expect(
      (await driver.act(escalation, { action: 'REASSIGN', assignee: 'tksk.ciampea' })).response.status,
    ).toBe(200)
    const second = driver.linkIn(await driver.mail(EMAILS.tkskCiampea, reference, 'Asesmen'))
    expect((await fetch(first)).status).toBe(410)
    expect((await driver.act(second, ASSESSED)).response.status).toBe(200)
    await driver.waitForStatus(reference, 'RECOMMENDATION')
  })
})
