/**
 * The pengesahan reminders of the desa parts (issue 21.5, ADR 0035 §9 and its addendum): the TKSK
 * asked two desa for their musdes part, one arrived; before the day the TKSK's reminder
 * names the desa still awaited, once; after its part arrives no reminder of that kind
 * follows, and Dinsos reads per kecamatan how many parts are missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPlatform, type TestPlatform } from '../../support/platform'
import { desaRows, linkOf, todayWib, uploadByLink } from './desa-part-driver'
import { deadlineMails, moveTo, putDay, startEarlyInMonth } from './pengesahan-driver'
import { createVervalDriver, currentPeriod } from './verval-driver'

let platform: TestPlatform
const driver = createVervalDriver(() => platform.url)
/** A driver signed in afresh: sessions end after 8 hours of project clock. */
const fresh = () => createVervalDriver(() => platform.url)

const TKSK_LEUWILIANG = 'tksk.leuwiliang@dinsos.bogorkab.local'
const PURASARI = '32.01.14.2002'
const KARYASARI = '32.01.14.2003'

const addDays = (date: string, days: number): string => {
  const at = new Date(`${date}T00:00:00Z`)
  at.setUTCDate(at.getUTCDate() + days)
  return at.toISOString().slice(0, 10)
}

const desaReminders = async (period: string, atLeast = 0) =>
  (await deadlineMails(driver, TKSK_LEUWILIANG, period, atLeast)).filter((mail) =>
    mail.subject.includes('hasil musdes desa'),
  )

const remindedKinds = async () => {
  const response = await fresh().call('auditor.bogor', '/api/audit?entityId=pengesahan%3A32.01&limit=100')
  const { items } = (await response.json()) as {
    items: { action: string; after: { kind?: string; milestone?: string; count?: number } }[]
  }
  return items.filter((entry) => entry.action === 'PENGESAHAN_REMINDED').map((entry) => entry.after)
}

const missingIn = async (kecamatan: string): Promise<number | undefined> => {
  const response = await fresh().call('dinsos.bogor', '/api/pengesahan?area=32.01')
  expect(response.status).toBe(200)
  const body = (await response.json()) as { kecamatan: { kecamatan: string; desaPartsMissing: number }[] }
  return body.kecamatan.find((row) => row.kecamatan === kecamatan)?.desaPartsMissing
}

beforeAll(async () => {
  platform = await startTestPlatform()
}, 60_000)
afterAll(() => platform?.dispose())

describe('the pengesahan reminders of desa parts', () => {
  it('names the desa still awaited once, and stops once its part arrived', async () => {
    // Early in a month, so the day (six days on) and the desa's links (14 days) fit in it.
    await startEarlyInMonth(driver)
    const period = currentPeriod()
    const start = todayWib()
    const day = Number(start.slice(8)) + 6
    const deadlineDay = `${period}-${String(day).padStart(2, '0')}`
    expect((await putDay(fresh(), 'admin.bogor', day)).status).toBe(200)

    // Only Purasari and Karyasari keep an email: the others' entries are switched off by the admin.
    const staff = fresh()
    const overview = await staff.call(
      'tksk.leuwiliang',
      `/api/verval-desa/parts?program=PKH&period=${period}`,
    )
    const { items } = (await overview.json()) as { items: { desaCode: string }[] }
    for (const { desaCode } of items.filter((item) => ![PURASARI, KARYASARI].includes(item.desaCode))) {
      const off = await staff.call(
        'admin.bogor',
        `/api/admin/providers/desa-${desaCode.replaceAll('.', '')}`,
        {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ active: false }),
        },
      )
      expect(off.status).toBe(200)
    }
    const sent = await staff.call('tksk.leuwiliang', '/api/verval-desa/links', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ program: 'PKH', period }),
    })
    expect(((await sent.json()) as { sent: string[] }).sent.sort()).toEqual([PURASARI, KARYASARI])
    expect((await uploadByLink(await linkOf(driver, PURASARI), desaRows(8001, 2, PURASARI))).status).toBe(200)
    expect(await missingIn('32.01.14')).toBe(1)

    // The first reminder's day, and the clock moving again that day: one mail naming Karyasari.
    await moveTo(driver, addDays(deadlineDay, -5))
    await driver.advance(3600)
    const reminded = await desaReminders(period, 1)
    expect(reminded.map((mail) => mail.subject)).toEqual([
      `[Verval ${period}] Pengingat: 1 hasil musdes desa untuk verval periode ${period} di Kec. Leuwiliang belum masuk`,
    ])
    expect(reminded[0]?.text).toContain('- Desa Karyasari (PKH)')
    expect(reminded[0]?.text).not.toContain('Purasari')
    expect(await remindedKinds()).toContainEqual(
      expect.objectContaining({ kind: 'DESA_PARTS_MISSING', milestone: 'REMINDER-1', count: 1 }),
    )
    const page = await (await fresh().call('dinsos.bogor', '/staff/pengesahan')).text()
    expect(page).toContain('Hasil musdes desa belum masuk')

    // Karyasari's part arrives; the second reminder's day passes with no reminder of that kind.
    const karyasari = await linkOf(driver, KARYASARI)
    expect((await uploadByLink(karyasari, desaRows(8101, 1, KARYASARI))).status).toBe(200)
    expect(await missingIn('32.01.14')).toBe(0)
    await moveTo(driver, addDays(deadlineDay, -1))
    const kinds = await remindedKinds()
    // The run did happen (the kecamatan has still not uploaded: its second reminder went out).
    expect(kinds).toContainEqual(expect.objectContaining({ kind: 'NOT_UPLOADED', milestone: 'REMINDER-2' }))
    expect(kinds.filter((entry) => entry.kind === 'DESA_PARTS_MISSING')).toHaveLength(1)
    await deadlineMails(driver, TKSK_LEUWILIANG, period, 3)
    expect(await desaReminders(period)).toHaveLength(1)
  })
})
