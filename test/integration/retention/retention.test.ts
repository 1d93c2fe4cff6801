/**
 * The retention job on the local platform (DESIGN §5, ADR 0006): the project clock moved
 * past the retention period anonymises a closed case's PII, leaves a case closed later
 * alone, and a second run changes nothing more. The period is set to one year here
 * (`RETENTION_YEARS=1`, read on use) so the clock needs few moves; the five-year default
 * and the exact boundary are the unit tests' (retention-rule.test.ts).
 */
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { localDateOf } from '../../../functions/core/calendar/local-date'
import { now } from '../../../functions/shared/clock'
import { dynamo } from '../../../functions/shared/clients'
import { env } from '../../../functions/shared/env'
import { caseKey, caseStepMarkerKey, taskKey } from '../../../functions/data/keys'
import { getCase } from '../../../functions/data/case-repository'
import { possibleDuplicates } from '../../../functions/data/person-lookup-repository'
import { listVervalDrafts } from '../../../functions/data/verval-draft-repository'
import {
  dropScheduleEntry,
  retentionSchedulePutItem,
  scheduleEntriesClosedBy,
  tasksOfCase,
} from '../../../functions/data/retention-repository'
import { backfillRetentionSchedule } from '../../../functions/triggers/retention-backfill'
import { RetentionRunFailedError, runRetention } from '../../../functions/triggers/retention-job'
import { login, startTestPlatform, type TestPlatform } from '../../support/platform'
import { ASSESSED, createDriver, DAY, EMAILS, intakeBody, nikOf } from '../case/case-driver'

interface CaseDetail {
  status: string
  outcome?: string
  reference: string
  category: string
  service: string
  kecamatan: string
  createdAt: string
  applicant: Record<string, unknown>
  description?: string
  timeline: { action: string; after: Record<string, unknown> | null }[]
}

describe('retention of closed cases', () => {
  let platform: TestPlatform
  const driver = createDriver(() => platform.url)

  const get = async (username: string, path: string, asPage = false) => {
    const token = await login(platform.url, username)
    return fetch(`${platform.url}${path}`, {
      headers: asPage ? { cookie: `session=${token}` } : { authorization: `Bearer ${token}` },
    })
  }
  const post = async (username: string, path: string, body: unknown) => {
    const token = await login(platform.url, username)
    return fetch(`${platform.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  }
  const detail = async (caseId: string) =>
    (await (await get('dinsos.bogor', `/api/cases/${caseId}`)).json()) as CaseDetail

  const closedCase = async (serial: number, name: string) => {
    const nik = nikOf(serial)
    const { caseId, reference } = await driver.submitCase(
      intakeBody({ description: `Cerita pribadi ${name}` }, { nik, name, email: `r${serial}@example.org` }),
    )
    const token = await login(platform.url, 'tksk.leuwiliang')
    const response = await driver.postJson(
      `/api/cases/${caseId}/withdraw`,
      { reason: 'Pemohon pindah domisili' },
      { authorization: `Bearer ${token}` },
    )
    expect(response.status).toBe(200)
    await driver.waitForStatus(reference, 'CLOSED', 'WITHDRAWN')
    // The possible-duplicate partition of the person (ADR 0027), read before anonymisation drops it.
    const personRef = (await getCase(caseId))?.personRef ?? ''
    expect(personRef).not.toBe('')
    return { caseId, reference, nik, name, personRef }
  }

  /** A case the TKSK found not eligible: the assessment task's decision holds findings and notes about the person. */
  const assessedCase = async (serial: number, name: string) => {
    const { caseId, reference } = await driver.submitCase(intakeBody({}, { nik: nikOf(serial), name }))
    const ask = await driver.mail(EMAILS.tksk, reference, 'Asesmen')
    const assessed = await driver.act(driver.linkIn(ask), {
      ...ASSESSED,
      eligible: 'false',
      findings: `${name} sakit paru, tinggal sendiri`,
      notes: `Rumah ${name} di belakang masjid`,
    })
    expect(assessed.response.status).toBe(200)
    await driver.waitForStatus(reference, 'CLOSED', 'NOT_ELIGIBLE')
    return { caseId, reference, name }
  }

  /** A proposed family the TKSK turned into a draft verval row (ADR 0036): the row names them. */
  const draftedProposal = async (name: string) => {
    const response = await driver.postJson('/api/bansos', {
      kind: 'USUL',
      program: 'PKH',
      family: { name, address: 'Kp. Cibeber RT 03/02', villageCode: '32.01.14.2001' },
      reason: 'Tiga anak sekolah, ayah buruh harian tanpa penghasilan tetap.',
      proposer: { name: 'Ketua RT 03', email: 'rt03@example.org' },
      consent: true,
    })
    expect(response.status).toBe(201)
    const { caseId, reference, accessCode } = (await response.json()) as Record<string, string>
    driver.accessCodes.set(reference ?? '', accessCode ?? '')
    const ask = await driver.mail(EMAILS.tksk, reference ?? '', 'Verifikasi')
    const verified = await driver.act(driver.linkIn(ask), {
      outcome: 'VERVAL_DRAFT',
      vervalAction: 'BARU',
      findings: 'Dikunjungi: layak PKH, tiga anak usia sekolah.',
    })
    expect(verified.response.status).toBe(200)
    await driver.waitForStatus(reference ?? '', 'CLOSED', 'RESOLVED')
    // The draft is the kecamatan's row of this month (the clock has not moved since).
    const period = localDateOf(now(), 'Asia/Jakarta').slice(0, 7)
    const drafts = await listVervalDrafts('32.01.14', period)
    expect(drafts.find((draft) => draft.caseId === caseId)).toMatchObject({ nama: name })
    return { caseId: caseId ?? '', name, period }
  }

  /**
   * More decided tasks than one TransactWriteItems holds (100 items), as a case of many
   * REVISE or reopening rounds would have: copies of its assessment task, each under a step
   * marker of its own, each with the findings typed about the person.
   */
  const EXTRA_ROUNDS = 110
  const addRounds = async (caseId: string, name: string) => {
    const [assessment] = await tasksOfCase(caseId)
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: env.mainTableName(), Key: taskKey(assessment?.taskId ?? '') }),
    )
    const copy = Object.fromEntries(Object.entries(Item ?? {}).filter(([name]) => !name.startsWith('gsi')))
    for (let round = 1; round <= EXTRA_ROUNDS; round++) {
      const taskId = `${assessment?.taskId}-r${round}`
      const decision = { ...copy.decision, findings: `${name} ronde ${round}` }
      await dynamo().send(
        new PutCommand({
          TableName: env.mainTableName(),
          Item: { ...copy, ...taskKey(taskId), taskId, decision },
        }),
      )
      await dynamo().send(
        new PutCommand({
          TableName: env.mainTableName(),
          Item: { ...caseStepMarkerKey(caseId, `round-${round}`), taskId },
        }),
      )
    }
  }

  /**
   * A due closed case the job cannot anonymise (its item lost its applicant), scheduled
   * just before `before`: the first the job meets.
   */
  const brokenCase = async (before: string) => {
    const caseId = 'retention-broken-case'
    const closedAt = new Date(new Date(before).getTime() - 1_000).toISOString()
    const item = { caseId, status: 'CLOSED', closedAt, kecamatan: '32.01.14', updatedAt: closedAt }
    await dynamo().send(
      new PutCommand({ TableName: env.mainTableName(), Item: { ...caseKey(caseId), ...item } }),
    )
    const schedule = retentionSchedulePutItem(caseId, closedAt).Put
    if (schedule) await dynamo().send(new PutCommand(schedule))
    return { caseId, closedAt }
  }

  const advanceDays = async (days: number) => {
    for (let left = days; left > 0; left -= Math.min(left, 366))
      await driver.advance(Math.min(left, 366) * DAY)
  }

  let early: Awaited<ReturnType<typeof closedCase>>
  let late: Awaited<ReturnType<typeof closedCase>>
  let assessed: Awaited<ReturnType<typeof assessedCase>>
  let drafted: Awaited<ReturnType<typeof draftedProposal>>
  let broken: Awaited<ReturnType<typeof brokenCase>>

  const configured = process.env.RETENTION_YEARS
  beforeAll(async () => {
    process.env.RETENTION_YEARS = '1'
    platform = await startTestPlatform()
    early = await closedCase(9101, 'Retensi Lama')
    assessed = await assessedCase(9103, 'Retensi Asesmen')
    await addRounds(assessed.caseId, assessed.name)
    drafted = await draftedProposal('Retensi Usulan Keluarga')
    broken = await brokenCase((await getCase(early.caseId))?.closedAt ?? '')
    await advanceDays(200)
    late = await closedCase(9102, 'Retensi Baru')
    // A year and a few days after the first closing, half a year after the second.
    await advanceDays(170)
  }, 120_000)
  afterAll(async () => {
    await platform?.dispose()
    if (configured === undefined) delete process.env.RETENTION_YEARS
    else process.env.RETENTION_YEARS = configured
  })

  it('a case the job cannot anonymise is logged and counted; the cases after it are anonymised and the run throws at its end', async () => {
    // The platform's own runs (on each clock move) went past it: the later cases are done.
    expect((await getCase(early.caseId))?.anonymisedAt).toBeDefined()
    expect((await getCase(drafted.caseId))?.anonymisedAt).toBeDefined()
    const failed = await runRetention(now()).catch((error: unknown) => error)
    expect(failed).toBeInstanceOf(RetentionRunFailedError)
    expect((failed as RetentionRunFailedError).run).toEqual({
      anonymised: [],
      dropped: 0,
      failed: [broken.caseId],
    })
    // Its schedule item stays for the next run; dropped here so that the later runs of this file succeed.
    expect((await scheduleEntriesClosedBy(broken.closedAt.slice(0, 7), broken.closedAt))[0]).toEqual(broken)
    await dropScheduleEntry(broken)
    await dynamo().send(new DeleteCommand({ TableName: env.mainTableName(), Key: caseKey(broken.caseId) }))
  })

  it('a case closed longer ago than the retention period has no name, NIK, KK, birth date, contact or story left', async () => {
    const body = await detail(early.caseId)
    expect(body.status).toBe('CLOSED')
    expect(body.outcome).toBe('WITHDRAWN')
    expect(body.reference).toBe(early.reference)
    expect(body.category).toBe('FAKIR_MISKIN')
    expect(body.service).toBe('JAMKESDA')
    expect(body.kecamatan).toBe('32.01.14')
    expect(body.applicant).toEqual({
      nik: '',
      kk: '',
      name: 'Data dianonimkan',
      // Without a reveal the birth date is shown as its year only (issue 18); none is left.
      birthYear: null,
      address: 'Data dianonimkan',
      villageCode: '32.01.14.2001',
    })
    expect(body.description).toBeUndefined()
    // The reveal answers the whole record and its audit timeline: none of it names the person.
    const revealed = await post('tksk.leuwiliang', `/api/cases/${early.caseId}/reveal`, {
      purpose: 'cek retensi',
    })
    const text = await revealed.text()
    for (const pii of [early.nik, early.name, 'r9101@example.org', '1980-07-05', 'Cerita pribadi'])
      expect(text).not.toContain(pii)
    const page = await (await get('dinsos.bogor', `/staff/cases/${early.caseId}`, true)).text()
    expect(page).toContain('Data dianonimkan')
    expect(page).not.toContain(early.name)
  })

  it('its anonymisation is one PII_ANONYMISED audit entry naming the fields, never their values', async () => {
    const entries = (await detail(early.caseId)).timeline.filter((e) => e.action === 'PII_ANONYMISED')
    expect(entries).toHaveLength(1)
    const after = JSON.stringify(entries[0]?.after)
    expect(after).toContain('"applicant"')
    expect(after).toContain('"nikRef"')
    expect(after).not.toContain(early.name)
    expect(after).not.toContain(early.nik.slice(12))
  })

  it('its possible-duplicate lookup item is deleted with it and the case keeps no personRef', async () => {
    expect(await possibleDuplicates(early.personRef, 'none')).toEqual([])
    expect((await getCase(early.caseId))?.personRef).toBeUndefined()
    const entry = (await detail(early.caseId)).timeline.find((e) => e.action === 'PII_ANONYMISED')
    expect(JSON.stringify(entry?.after)).toContain('"personRef"')
  })

  it('its tasks keep their decisions’ choices, not the findings and notes typed about the person', async () => {
    const [assessment] = (await tasksOfCase(assessed.caseId)).filter((task) => task.kind === 'ASSESSMENT')
    expect(assessment?.status).toBe('DECIDED')
    expect(assessment?.decision).toEqual({
      visitDate: ASSESSED.visitDate,
      eligible: false,
      service: ASSESSED.service,
    })
    expect((await detail(assessed.caseId)).applicant.name).toBe('Data dianonimkan')
    const entry = (await detail(assessed.caseId)).timeline.find((e) => e.action === 'PII_ANONYMISED')
    expect((entry?.after as { tasks: string[] }).tasks[0]).toBe(assessment?.taskId)
  })

  it('a case with more decided tasks than one transaction holds has every decision anonymised, in one audit entry', async () => {
    const tasks = await tasksOfCase(assessed.caseId)
    expect(tasks).toHaveLength(EXTRA_ROUNDS + 1)
    expect(JSON.stringify(tasks.map((task) => task.decision))).not.toContain(assessed.name)
    for (const task of tasks) expect(task.decision).not.toHaveProperty('findings')
    const entries = (await detail(assessed.caseId)).timeline.filter((e) => e.action === 'PII_ANONYMISED')
    expect(entries).toHaveLength(1)
    const listed = (entries[0]?.after as { tasks: string[] }).tasks
    expect([...listed].sort()).toEqual(tasks.map((task) => task.taskId).sort())
  })

  it('a bansos case’s draft verval row, which names the family, goes with its data', async () => {
    expect((await getCase(drafted.caseId))?.anonymisedAt).toBeDefined()
    const drafts = await listVervalDrafts('32.01.14', drafted.period)
    expect(drafts.find((draft) => draft.caseId === drafted.caseId)).toBeUndefined()
    expect(JSON.stringify(drafts)).not.toContain(drafted.name)
  })

  it('the public status lookup no longer finds it (404): the access code went with the PII', async () => {
    const { response } = await driver.status(early.reference)
    expect(response.status).toBe(404)
  })

  it('a case closed later, still inside the period, keeps its data and its status lookup', async () => {
    const body = await detail(late.caseId)
    expect(body.applicant.name).toBe(late.name)
    expect(body.timeline.map((e) => e.action)).not.toContain('PII_ANONYMISED')
    expect((await driver.status(late.reference)).response.status).toBe(200)
    expect((await possibleDuplicates(late.personRef, 'none')).map((d) => d.caseId)).toEqual([late.caseId])
  })

  it('running the job again changes nothing: no second entry, the record as it was', async () => {
    const before = await detail(early.caseId)
    const run = await runRetention(now())
    expect(run.anonymised).toEqual([])
    const again = await detail(early.caseId)
    expect(again.applicant).toEqual(before.applicant)
    expect(again.timeline.filter((e) => e.action === 'PII_ANONYMISED')).toHaveLength(1)
  })

  it('the backfill schedules a closed case that has no schedule item (closed before the job existed)', async () => {
    const closedAt = (await getCase(late.caseId))?.closedAt ?? ''
    const month = closedAt.slice(0, 7)
    await dropScheduleEntry({ caseId: late.caseId, closedAt })
    expect(await scheduleEntriesClosedBy(month, closedAt)).toEqual([])
    expect(await backfillRetentionSchedule()).toBeGreaterThanOrEqual(1)
    expect(await scheduleEntriesClosedBy(month, closedAt)).toEqual([{ caseId: late.caseId, closedAt }])
  })

  it('the later case is anonymised once its own period has passed', async () => {
    await advanceDays(200)
    expect((await detail(late.caseId)).applicant.name).toBe('Data dianonimkan')
    expect(await possibleDuplicates(late.personRef, 'none')).toEqual([])
  })
})
