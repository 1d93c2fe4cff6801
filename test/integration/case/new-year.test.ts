/**
 * The turn of the year on the local platform (ADR 0056): the project clock is moved to the
 * last half hour of 31 December in WIB and past its midnight, whatever day the suite runs.
 * At 00:30 WIB on 1 January it is still 31 December in UTC: references, the verval period
 * and the dashboard must all be in the new year by the kecamatan's wall clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { localToday } from '../../../functions/flows/admin/local-today'
import { nowMs } from '../../../functions/shared/clock'
import { advanceClockTo } from '../../support/advance-clock'
import { createTokenCache, login, startTestPlatform, type TestPlatform } from '../../support/platform'
import { createVervalDriver, csvOf, family } from '../verval/verval-driver'
import { createDriver, EMAILS, intakeBody, nikOf, REPORTED } from './case-driver'

let platform: TestPlatform
const driver = createDriver(() => platform.url)
const verval = createVervalDriver(() => platform.url)
const token = createTokenCache(() => platform.url)

beforeAll(async () => {
  platform = await startTestPlatform()
})
afterAll(async () => {
  await platform?.dispose()
})

/** 23:30 WIB on the next 31 December still ahead of the project clock. */
const lastHalfHourOfTheYear = (): { year: number; at: number } => {
  const year = Number(localToday('32.01').slice(0, 4))
  const at = Date.parse(`${year}-12-31T16:30:00Z`)
  return at > nowMs() ? { year, at } : { year: year + 1, at: Date.parse(`${year + 1}-12-31T16:30:00Z`) }
}

const dashboard = async (username: string) => {
  const response = await fetch(`${platform.url}/staff/dashboard?area=32.01`, {
    headers: { cookie: `session=${await login(platform.url, username)}` },
  })
  expect(response.status).toBe(200)
  return response.text()
}

const putCalendar = async (year: number, daysOff: { date: string; label: string }[]) =>
  fetch(`${platform.url}/api/admin/calendar/${year}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${await token('admin.bogor')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ daysOff }),
  })

describe('the turn of the year in WIB', () => {
  const { year, at } = lastHalfHourOfTheYear()
  const next = year + 1
  /** The case of 23:30 WIB: its assessment is due in the new year. */
  let lateReference = ''
  const unlistedNote = `Dihitung tanpa daftar cuti bersama ${next}, yang belum ditetapkan.`
  const assessmentPage = async () =>
    (await fetch(driver.linkIn(await driver.mail(EMAILS.tksk, lateReference, 'Asesmen')))).text()

  it('numbers a case of 23:30 WIB in the old year and one of 00:30 WIB (still 31 December in UTC) from 1 in the new', async () => {
    await advanceClockTo(platform.url, at)
    const late = await driver.submitCase(intakeBody({}, { nik: nikOf(401) }))
    expect(late.reference).toMatch(new RegExp(`^320114-${year}-\\d{6}$`))
    await driver.advance(3600)
    expect(new Date(nowMs()).toISOString().slice(0, 10)).toBe(`${year}-12-31`)
    const early = await driver.submitCase(intakeBody({}, { nik: nikOf(402) }))
    expect(early.reference).toBe(`320114-${next}-000001`)
    lateReference = late.reference
    // Each reference is found again by the status lookup, in its own year.
    expect((await driver.status(late.reference)).response.status).toBe(200)
    expect((await driver.status(early.reference)).response.status).toBe(200)
  })

  it('guesses the same birth year from an estimated age at 00:30 WIB as later that 1 January', async () => {
    const reported = {
      ...REPORTED,
      applicant: { ...REPORTED.applicant, name: 'Mbah Karsih', estimatedAge: 70 },
    }
    const night = await driver.submitCase(reported)
    await driver.advance(8 * 3600)
    expect(new Date(nowMs()).toISOString().slice(0, 10)).toBe(`${next}-01-01`)
    const morning = await driver.submitCase(reported)
    const detail = await fetch(`${platform.url}/api/cases/${morning.caseId}`, {
      headers: { authorization: `Bearer ${await token('tksk.leuwiliang')}` },
    })
    // Born about 70 years before the year both were filed in (the local one): a possible duplicate.
    expect(((await detail.json()) as { possibleDuplicates: unknown[] }).possibleDuplicates).toEqual([
      expect.objectContaining({ caseId: night.caseId, reference: night.reference }),
    ])
  })

  it('takes the verval of December in January, and refuses November', async () => {
    const december = await verval.upload(
      'tksk.leuwiliang',
      csvOf([family(1)]),
      `program=BPNT&period=${year}-12`,
    )
    expect(december.status).toBe(202)
    const november = await verval.upload(
      'tksk.leuwiliang',
      csvOf([family(2)]),
      `program=PKH&period=${year}-11`,
    )
    expect(november.status).toBe(400)
    const january = await verval.upload(
      'tksk.leuwiliang',
      csvOf([family(3)]),
      `program=PBI&period=${next}-01`,
    )
    expect(january.status).toBe(202)
  })

  it('marks the due date of the old year’s last assessment, counted without the new year’s list', async () => {
    expect(await assessmentPage()).toContain(unlistedNote)
  })

  it('alerts the office on the dashboard while the new year has no list of cuti bersama, until an admin keeps one', async () => {
    const stored = await fetch(`${platform.url}/api/admin/calendar/${next}`, {
      headers: { authorization: `Bearer ${await token('admin.bogor')}` },
    })
    // What the alert is about: the year has neither a stored nor a built-in list.
    expect(await stored.json()).toMatchObject({ source: 'none' })
    const alert = `Daftar cuti bersama ${next} belum ditetapkan</strong>: batas waktu tugas tahun ini`
    const forAdmin = await dashboard('admin.bogor')
    expect(forAdmin).toContain(alert)
    expect(forAdmin).toContain(`href="/staff/admin/kalender?tahun=${next}"`)
    // Dinsos cannot keep the list: it is told to ask an administrator.
    const forDinsos = await dashboard('dinsos.bogor')
    expect(forDinsos).toContain(alert)
    expect(forDinsos).toContain('Minta administrator mengisinya.')

    expect(
      (await putCalendar(next, [{ date: `${next}-01-02`, label: 'Cuti bersama Tahun Baru' }])).status,
    ).toBe(200)
    expect(await dashboard('dinsos.bogor')).not.toContain(`Daftar cuti bersama ${next} belum ditetapkan`)
  })

  it('drops the mark when Dinsos extends that assessment after the list was kept', async () => {
    await driver.advancePastDue('tksk.leuwiliang', lateReference, 'ASSESSMENT')
    const escalation = await driver.mail(EMAILS.dinsos, lateReference, 'alihkan atau perpanjang')
    // Opened after the list was kept: counted on it, no mark.
    expect(await (await fetch(driver.linkIn(escalation))).text()).not.toContain('Dihitung tanpa daftar')
    expect(
      (await driver.act(driver.linkIn(escalation), { action: 'EXTEND', days: '3' })).response.status,
    ).toBe(200)
    expect(await assessmentPage()).not.toContain(unlistedNote)
  })
})
