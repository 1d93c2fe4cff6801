import { describe, expect, it } from 'vitest'
import { login, useTestPlatform } from '../../support/platform'
import { auditOfCase } from '../audit/case-audit'
import { createDriver, EMAILS } from './case-driver'

const platform = useTestPlatform()
const driver = createDriver(platform.url)

describe('a case from intake to fulfilment', () => {
  it('travels intake → assessment → approval → referral → result, by the mailed links only', async () => {
    const { caseId, reference, status } = await driver.submitCase()
    expect(status).toBe('IDENTIFICATION')
    expect(reference).toMatch(/^320114-\d{4}-\d{6}$/)

    const ask = await driver.mail(EMAILS.tksk, reference, 'Asesmen')
    expect(ask.text).toContain(reference)
    expect(ask.text).not.toContain('3201144507800001')
    expect(ask.text).not.toMatch(/FAKIR|Fakir/)
    const assessment = await driver.act(driver.linkIn(ask), {
      visitDate: '2026-01-10',
      findings: 'Rumah semi permanen, tidak ada penghasilan tetap',
      eligible: 'true',
      service: 'JAMKESDA',
    })
    expect(assessment.page.status).toBe(200)
    expect(assessment.response.status).toBe(200)

    await driver.waitForStatus(reference, 'RECOMMENDATION')
    const approval = await driver.mail(EMAILS.dinsos, reference, 'Persetujuan')
    expect((await driver.act(driver.linkIn(approval), { decision: 'APPROVE' })).response.status).toBe(200)

    await driver.waitForStatus(reference, 'REFERRAL')
    const referral = await driver.mail(EMAILS.puskesmas, reference, 'Tanggapan')
    expect((await driver.act(driver.linkIn(referral), { response: 'ACCEPT' })).response.status).toBe(200)

    const result = await driver.mail(EMAILS.puskesmas, reference, 'Laporan hasil')
    expect(
      (await driver.act(driver.linkIn(result), { result: 'SERVED', notes: 'Kartu Jamkesda terbit' })).response
        .status,
    ).toBe(200)

    const closed = await driver.waitForStatus(reference, 'CLOSED', 'FULFILLED')
    expect(closed.history.map((h) => (h as { status: string }).status)).toEqual([
      'IDENTIFICATION',
      'ASSESSMENT',
      'RECOMMENDATION',
      'REFERRAL',
      'CLOSED',
    ])
    await driver.mail('siti@example.org', reference, 'selesai')

    const token = await login(platform.url(), 'dinsos.bogor')
    const detail = (await (
      await fetch(driver.url(`/api/cases/${caseId}`), { headers: { authorization: `Bearer ${token}` } })
    ).json()) as {
      applicant: { nik: string }
      timeline: { action: string }[]
    }
    expect(detail.applicant.nik).toBe('320114******0001')
    const actions = detail.timeline.map((e) => e.action)
    expect(actions[0]).toBe('CASE_CREATED')
    expect(actions.at(-1)).toBe('CASE_CLOSED')
    expect(actions.filter((a) => a === 'TASK_DECIDED')).toHaveLength(4)

    // What an auditor sees of it: every transition in order with its actor, a valid chain,
    // one export row per entry, no full NIK anywhere.
    const audit = await auditOfCase(platform.url(), caseId)
    const provider = 'provider:puskesmas-leuwiliang'
    expect(audit.entries.map((e) => `${e.action} by ${e.actor.id}`)).toEqual([
      'CASE_CREATED by resident',
      'CASE_IDENTIFIED by tksk-flow',
      'TASK_CREATED by tksk-flow',
      // The TKSK's link page shows whom to visit and where: the view is a PII_READ (issue 19).
      'PII_READ by tksk.leuwiliang',
      'TASK_DECIDED by tksk.leuwiliang',
      'CASE_ASSESSED by tksk.leuwiliang',
      'CASE_RECOMMENDED by tksk-flow',
      'TASK_CREATED by tksk-flow',
      'TASK_DECIDED by dinsos.bogor',
      'CASE_APPROVED by dinsos.bogor',
      'TASK_CREATED by tksk-flow',
      // The provider's link page shows what it needs to serve: each view is a PII_READ.
      `PII_READ by ${provider}`,
      `TASK_DECIDED by ${provider}`,
      `REFERRAL_ACCEPTED by ${provider}`,
      'TASK_CREATED by tksk-flow',
      `PII_READ by ${provider}`,
      `TASK_DECIDED by ${provider}`,
      'CASE_CLOSED by tksk-flow',
    ])
    expect(audit.verdict).toMatchObject({ valid: true, checked: audit.entries.length })
    expect(audit.rows.map((r) => r.seq)).toEqual(audit.entries.map((e) => e.seq))
    for (const full of ['3201144507800001', '3201140101100001']) {
      expect(JSON.stringify(audit.rows)).not.toContain(full)
      expect(JSON.stringify(audit.entries)).not.toContain(full)
    }
  })
})
