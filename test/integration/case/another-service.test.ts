/**
 * Another service on the same case (issue 15 item 3, ADR 0037), on the local Step
 * Functions: the provider's result closes the case as DESIGN §3 says, then the TKSK is
 * offered "Minta layanan lain" on the closed case. ANOTHER_SERVICE reopens it in a new
 * round (recommend → approve → refer), and its next result closes it again; DONE or
 * 14 days of silence leave it closed, the latter telling no one.
 */
import { describe, expect, it } from 'vitest'
import { createTokenCache, useTestPlatform } from '../../support/platform'
import { auditEntityId } from '../../../functions/data/keys'
import { auditOfCase } from '../audit/case-audit'
import { createDriver, DAY, EMAILS, intakeBody, nikOf } from './case-driver'

const platform = useTestPlatform()
const driver = createDriver(platform.url)

const RESIDENT = 'siti@example.org'
const OFFER = 'Minta layanan lain'
const JUSTIFICATION = 'Anak kedua sakit kronis; keluarga perlu KIS PBI untuk berobat rutin'

// One sign-in per user until the clock moves: the lapse test moves it past any session's
// lifetime, and then signs everyone in again (`forgetSessions`).
let tokenOf = createTokenCache(platform.url)
const forgetSessions = () => {
  tokenOf = createTokenCache(platform.url)
}
const api = async (method: string, path: string, username: string, body?: unknown) =>
  fetch(driver.url(path), {
    method,
    headers: {
      authorization: `Bearer ${await tokenOf(username)}`,
      'content-type': 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })

const decide = (taskId: string, body: unknown) =>
  api('POST', `/api/tasks/${taskId}/complete`, 'tksk.leuwiliang', body)

/** The TKSK's open tasks of the case, by kind. */
const openTasksOf = async (reference: string) => {
  const { items } = (await (await api('GET', '/api/tasks', 'tksk.leuwiliang')).json()) as {
    items: { taskId: string; reference: string; kind: string }[]
  }
  return items.filter((t) => t.reference === reference)
}

interface Detail {
  status: string
  outcome?: string
  service: string
  recommendation: { service: string; justification: string } | null
  previousReferrals: { service: string; providerName: string; result: string; outcome: string }[]
  followUp: { taskId: string; finalAt: string } | null
}
const detailOf = async (caseId: string) =>
  (await (await api('GET', `/api/cases/${caseId}`, 'dinsos.bogor')).json()) as Detail

const errorPaths = async (response: Response) =>
  ((await response.json()) as { error: { details: { path: string }[] } }).error.details.map((d) => d.path)

/** Every mail and SMS the outbox holds about the case. */
const mailsAbout = async (reference: string) => {
  const { items } = (await (await fetch(driver.url('/api/dev/outbox'))).json()) as {
    items: { subject: string }[]
  }
  return items.filter((m) => m.subject.includes(reference)).length
}

/** A case filed for `nik`, taken to its provider's `result`: the closing DESIGN §3 step 5 describes. */
const toResult = async (nik: string, result: 'SERVED' | 'NOT_SERVED') => {
  const filed = await driver.submitCase(intakeBody({}, { nik }))
  await driver.act(driver.linkIn(await driver.mail(EMAILS.tksk, filed.reference, 'Asesmen')), {
    visitDate: '2026-01-10',
    findings: 'Keluarga prasejahtera, tidak ada jaminan kesehatan',
    eligible: 'true',
    service: 'JAMKESDA',
  })
  await driver.waitForStatus(filed.reference, 'RECOMMENDATION')
  await driver.act(driver.linkIn(await driver.mail(EMAILS.dinsos, filed.reference, 'Persetujuan')), {
    decision: 'APPROVE',
  })
  await driver.act(driver.linkIn(await driver.mail(EMAILS.puskesmas, filed.reference, 'Tanggapan')), {
    response: 'ACCEPT',
  })
  await driver.act(driver.linkIn(await driver.mail(EMAILS.puskesmas, filed.reference, 'Laporan hasil')), {
    result,
  })
  return filed
}

/** The offer's mail to the TKSK, and its task. */
const offerOf = async (reference: string, nth = 1) => {
  await driver.waitForOutboxCount(EMAILS.tksk, reference, OFFER, nth)
  const offer = (await openTasksOf(reference)).find((t) => t.kind === 'FOLLOW_UP')
  if (!offer) throw new Error(`no open offer of another service for ${reference}`)
  return offer.taskId
}

describe('another service after a result', () => {
  it('reopens the closed case for a new service, refers it again, and closes it again at its result', async () => {
    const { caseId, reference } = await toResult(nikOf(61), 'SERVED')

    // The result closes the case at once, as on every deployment before ADR 0037.
    await driver.waitForStatus(reference, 'CLOSED', 'FULFILLED')
    await driver.mail(RESIDENT, reference, 'selesai')
    const taskId = await offerOf(reference)
    expect((await detailOf(caseId)).followUp).toMatchObject({ taskId })
    const staffPage = await fetch(driver.url(`/staff/cases/${caseId}`), {
      headers: { cookie: `session=${await tokenOf('tksk.leuwiliang')}` },
    })
    const html = await staffPage.text()
    expect(html).toContain('<h2>Minta layanan lain</h2>')
    expect(html).toContain(`/staff/tasks/${taskId}`)

    // Bad input: 400 on the field, nothing decided. Another open case of the person for
    // the service asked: 400 on `service`.
    const other = await driver.submitCase(intakeBody({ service: 'PKH' }, { nik: nikOf(61) }))
    await driver.waitForStatus(other.reference, 'ASSESSMENT')
    const refusals: [unknown, string[]][] = [
      [{ action: 'ANOTHER_SERVICE' }, ['service', 'justification']],
      [{ action: 'ANOTHER_SERVICE', service: 'ARISAN', justification: JUSTIFICATION }, ['service']],
      [{ action: 'ANOTHER_SERVICE', service: 'KIS_PBI', justification: 'perlu' }, ['justification']],
      [{ action: 'REOPEN' }, ['action']],
      [{ action: 'ANOTHER_SERVICE', service: 'PKH', justification: JUSTIFICATION }, ['service']],
    ]
    for (const [body, paths] of refusals) {
      const response = await decide(taskId, body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(await errorPaths(response)).toEqual(paths)
    }
    expect((await detailOf(caseId)).status).toBe('CLOSED')

    const asked = await decide(taskId, {
      action: 'ANOTHER_SERVICE',
      service: 'KIS_PBI',
      justification: JUSTIFICATION,
    })
    expect(asked.status).toBe(200)
    // The offer is answered once.
    expect((await decide(taskId, { action: 'DONE' })).status).toBe(409)

    await driver.waitForStatus(reference, 'RECOMMENDATION')
    // The reopening writes the status; the workflow's Recommend then writes the new
    // recommendation and mails the approval: read the case once that mail is out.
    const [secondApproval] = await driver.waitForOutboxCount(EMAILS.dinsos, reference, 'Persetujuan', 2)
    const reopened = await detailOf(caseId)
    expect(reopened).toMatchObject({ service: 'KIS_PBI', followUp: null })
    expect(reopened.outcome).toBeUndefined()
    expect(reopened.recommendation).toMatchObject({ service: 'KIS_PBI', justification: JUSTIFICATION })
    expect(reopened.previousReferrals).toEqual([
      expect.objectContaining({
        service: 'JAMKESDA',
        providerName: 'Puskesmas Leuwiliang',
        result: 'SERVED',
        outcome: 'FULFILLED',
      }),
    ])

    if (!secondApproval) throw new Error('no second approval mail')
    await driver.act(driver.linkIn(secondApproval), { decision: 'APPROVE' })
    await driver.waitForStatus(reference, 'REFERRAL')
    await driver.act(driver.linkIn(await driver.mail(EMAILS.bpjs, reference, 'Tanggapan')), {
      response: 'ACCEPT',
    })
    await driver.act(driver.linkIn(await driver.mail(EMAILS.bpjs, reference, 'Laporan hasil')), {
      result: 'NOT_SERVED',
    })

    const closed = await driver.waitForStatus(reference, 'CLOSED', 'NOT_FULFILLED')
    expect(closed.history.map((h) => (h as { status: string }).status)).toEqual([
      'IDENTIFICATION',
      'ASSESSMENT',
      'RECOMMENDATION',
      'REFERRAL',
      'CLOSED',
      'RECOMMENDATION',
      'REFERRAL',
      'CLOSED',
    ])
    // One closing notice per service.
    await driver.waitForOutboxCount(RESIDENT, reference, 'selesai', 2)

    // The second offer: DONE leaves the case closed.
    const second = await offerOf(reference, 2)
    expect(second).not.toBe(taskId)
    expect((await decide(second, { action: 'DONE' })).status).toBe(200)
    await expect.poll(async () => (await detailOf(caseId)).followUp).toBeNull()
    expect(await detailOf(caseId)).toMatchObject({ status: 'CLOSED', outcome: 'NOT_FULFILLED' })

    const audit = await auditOfCase(platform.url(), caseId)
    expect(audit.verdict.valid).toBe(true)
    // The offers live on their tasks' own chains; the case's records the reopening.
    expect(audit.entries.filter((e) => (e.after as { kind?: string } | null)?.kind === 'FOLLOW_UP')).toEqual(
      [],
    )
    const actions = audit.entries.map((e) => e.action)
    expect(actions.filter((a) => a === 'CASE_CLOSED')).toHaveLength(2)
    expect(actions.filter((a) => a === 'CASE_APPROVED')).toHaveLength(2)
    const reopenings = audit.entries.filter((e) => e.action === 'CASE_REOPENED_FOR_SERVICE')
    expect(reopenings.map((e) => [e.actor.id, e.after])).toEqual([
      [
        'tksk.leuwiliang',
        expect.objectContaining({
          status: 'RECOMMENDATION',
          service: 'KIS_PBI',
          previousService: 'JAMKESDA',
          previousOutcome: 'FULFILLED',
          round: 2,
        }),
      ],
    ])
  }, 240_000)

  it('lets the unanswered offer lapse after 14 days: the case stays closed and no one is mailed', async () => {
    const { caseId, reference } = await toResult(nikOf(62), 'NOT_SERVED')
    await driver.waitForStatus(reference, 'CLOSED', 'NOT_FULFILLED')
    await driver.mail(RESIDENT, reference, 'selesai')
    const taskId = await offerOf(reference)
    const mailsBefore = await mailsAbout(reference)

    await driver.advance(15 * DAY)
    forgetSessions()
    // The offer has its task's own audit chain: the case's ends at CASE_CLOSED (ADR 0037).
    const offerAudit = async () => {
      const path = `/api/audit?entityId=${encodeURIComponent(auditEntityId.task(taskId))}`
      const { items } = (await (await api('GET', path, 'auditor.bogor')).json()) as {
        items: { action: string; after: { reason?: string } }[]
      }
      return items.map((e) => `${e.action}${e.after.reason ? ` ${e.after.reason}` : ''}`)
    }
    await expect
      .poll(offerAudit, { timeout: 30_000 })
      .toEqual(['TASK_CREATED', 'TASK_EXPIRED FOLLOW_UP_TIMEOUT'])
    expect(await openTasksOf(reference)).toEqual([])
    expect(await mailsAbout(reference)).toBe(mailsBefore)
    expect(await detailOf(caseId)).toMatchObject({
      status: 'CLOSED',
      outcome: 'NOT_FULFILLED',
      followUp: null,
    })
    // Too late: the offer is gone.
    expect((await decide(taskId, { action: 'DONE' })).status).toBe(410)
  }, 180_000)
})
