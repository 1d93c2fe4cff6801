/**
 * The pengesahan deadline on the project clock (issue 21.5, ADR 0035): the admin sets the
 * day, a kecamatan that has not uploaded is reminded before the day and escalated to
 * Dinsos on it, the unsigned Berita Acara is escalated to the head, each mail once
 * however often the clock moves, and the state per kecamatan is what Dinsos reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { login, startTestPlatform, type TestPlatform } from '../../support/platform'
import {
  deadlineMails as mailsOf,
  moveTo as moveToDay,
  putDay as putDayAs,
  startEarlyInMonth,
} from './pengesahan-driver'
import { createVervalDriver, currentPeriod, family } from './verval-driver'

let platform: TestPlatform
const driver = createVervalDriver(() => platform.url)
const signedIn = () => createVervalDriver(() => platform.url)

const TKSK_CIAMPEA = 'tksk.ciampea@dinsos.bogorkab.local'
const TKSK_LEUWILIANG = 'tksk.leuwiliang@dinsos.bogorkab.local'
const DINSOS = 'rehsos@dinsos.bogorkab.local'
const HEAD = 'kadis@dinsos.bogorkab.local'

const moveTo = (date: string) => moveToDay(driver, date)
const deadlineMails = (to: string, period: string, atLeast = 0) => mailsOf(driver, to, period, atLeast)
const putDay = (username: string, day: unknown) => putDayAs(driver, username, day)

beforeAll(async () => {
  platform = await startTestPlatform()
}, 60_000)
afterAll(() => platform?.dispose())

describe('the pengesahan deadline', () => {
  let period = ''

  it('the admin of the kabupaten sets the day as data, audited; a wrong day names its field, a TKSK is refused', async () => {
    // Start early in a month, so the whole run to the day stays in one period.
    await startEarlyInMonth(driver)
    period = currentPeriod()
    expect((await putDay('tksk.ciampea', 25)).status).toBe(403)
    const wrong = await putDay('admin.bogor', 31)
    expect(wrong.status).toBe(400)
    expect(((await wrong.json()) as { error: { details: { path: string }[] } }).error.details[0]?.path).toBe(
      'day',
    )
    const set = await putDay('admin.bogor', 25)
    expect(set.status).toBe(200)
    expect(await set.json()).toMatchObject({ kabupaten: '32.01', day: 25, source: 'stored' })
    const audit = await driver.call('auditor.bogor', '/api/audit?entityId=pengesahan%3A32.01')
    const entries = ((await audit.json()) as { items: { action: string; after: unknown }[] }).items
    expect(entries).toEqual([expect.objectContaining({ action: 'PENGESAHAN_DAY_SET', after: { day: 25 } })])
  })

  it('the admin page shows the day and saves it through its form; a wrong day is shown beside its field', async () => {
    const cookie = `session=${await login(platform.url, 'admin.bogor')}`
    const page = await (await fetch(`${platform.url}/staff/admin/pengesahan`, { headers: { cookie } })).text()
    expect(page).toContain('value="25"')
    expect(page).not.toContain('Pengingat belum aktif')
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? ''
    const post = (day: string) =>
      fetch(`${platform.url}/staff/admin/pengesahan`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, area: '32.01', day }).toString(),
        redirect: 'manual',
      })
    const wrong = await post('40')
    expect(wrong.status).toBe(400)
    expect(await wrong.text()).toMatch(/id="f-day-error">\s*Tanggal pengesahan berupa angka 1 sampai 28/)
    const saved = await post('25')
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe('/staff/admin/pengesahan?area=32.01&tersimpan=1')
  })

  it('a late kecamatan is reminded before the day and escalated on it, the unsigned Berita Acara escalated to the head, each mail once', async () => {
    const batchId = await driver.uploadOk(
      [family(1), family(2)],
      'tksk.leuwiliang',
      `program=BPNT&period=${period}`,
    )
    await driver.waitFor(batchId, ['AWAITING_APPROVAL'])
    expect((await driver.decide(batchId, 'APPROVE')).status).toBe(200)
    await driver.waitFor(batchId, ['APPLIED'])

    await moveTo(`${period}-19`)
    expect(await deadlineMails(TKSK_CIAMPEA, period)).toEqual([])

    await moveTo(`${period}-20`)
    const reminded = await deadlineMails(TKSK_CIAMPEA, period, 1)
    expect(reminded.map((m) => m.subject)).toEqual([
      `[Verval ${period}] Pengingat: Kec. Ciampea belum mengunggah verval periode ${period}`,
    ])
    expect((await deadlineMails(DINSOS, period, 1)).map((m) => m.subject)).toEqual([
      `[Verval ${period}] Pengingat: Berita Acara Daftar KPM Perubahan program BPNT periode ${period} belum dicatat ditandatangani`,
    ])
    // Leuwiliang uploaded and was approved: nothing for its TKSK.
    expect(await deadlineMails(TKSK_LEUWILIANG, period)).toEqual([])
    // The clock moves again the same day: nothing more.
    await driver.advance(3600)

    // The jump passes the second reminder's day: the escalation due now is sent, not a backlog.
    await moveTo(`${period}-25`)
    await driver.advance(3600)
    const tksk = await deadlineMails(TKSK_CIAMPEA, period, 2)
    expect(tksk.map((m) => m.subject.split(':')[0]).sort()).toEqual([
      `[Verval ${period}] Eskalasi`,
      `[Verval ${period}] Pengingat`,
    ])
    const dinsos = await deadlineMails(DINSOS, period, 3)
    expect(dinsos.map((m) => m.subject).sort()).toEqual(
      [
        `[Verval ${period}] Eskalasi: Berita Acara Daftar KPM Perubahan program BPNT periode ${period} belum dicatat ditandatangani`,
        `[Verval ${period}] Eskalasi: Kec. Ciampea belum mengunggah verval periode ${period}`,
        `[Verval ${period}] Pengingat: Berita Acara Daftar KPM Perubahan program BPNT periode ${period} belum dicatat ditandatangani`,
      ].sort(),
    )
    const head = await deadlineMails(HEAD, period, 1)
    expect(head.map((m) => m.subject)).toEqual([
      `[Verval ${period}] Eskalasi: Berita Acara Daftar KPM Perubahan program BPNT periode ${period} belum dicatat ditandatangani`,
    ])
    // No mail names a family.
    for (const mail of [...tksk, ...dinsos, ...head]) expect(mail.text).not.toContain(family(1).nik)

    // Sessions end after 8 hours: a driver signs in again after the clock moved days.
    const audit = await signedIn().call('auditor.bogor', '/api/audit?entityId=pengesahan%3A32.01&limit=100')
    const actions = ((await audit.json()) as { items: { action: string }[] }).items.map((e) => e.action)
    expect(actions.filter((a) => a === 'PENGESAHAN_REMINDED')).toHaveLength(2)
    expect(actions.filter((a) => a === 'PENGESAHAN_ESCALATED')).toHaveLength(2)
  })

  it('Dinsos reads each kecamatan against the day: Ciampea late, Leuwiliang approved, the Berita Acara unsigned', async () => {
    const fresh = signedIn()
    const response = await fresh.call('dinsos.bogor', '/api/pengesahan?area=32.01')
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      period,
      deadline: `${period}-25`,
      kecamatan: [
        { kecamatan: '32.01.14', state: 'APPROVED' },
        { kecamatan: '32.01.15', state: 'UPLOADED_NONE' },
      ],
      unsignedPrograms: ['BPNT'],
    })
    expect((await fresh.call('tksk.ciampea', '/api/pengesahan?area=32.01')).status).toBe(403)
    const page = await (await fresh.call('dinsos.bogor', '/staff/pengesahan')).text()
    expect(page).toContain('Belum mengunggah (terlambat)')
  })
})
