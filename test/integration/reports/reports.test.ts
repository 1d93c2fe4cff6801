/**
 * The approval queue, the dashboard and the laporan bulanan (issue #8 items 3 and 5) on
 * cases run through the real workflow: the queue orders by waiting time and shows ages,
 * the dashboard and the laporan count what happened, the CSVs say the same for Excel, and
 * nobody sees another area's figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { timeZoneOfArea } from '../../../functions/core/areas/time-zones'
import { monthOf } from '../../../functions/core/reports/report-month'
import { getCase } from '../../../functions/data/case-repository'
import { nowMs } from '../../../functions/shared/clock'
import { login, startTestPlatform, type TestPlatform } from '../../support/platform'
import { ASSESSED, createDriver, DAY, EMAILS, intakeBody, nikOf } from '../case/case-driver'

let platform: TestPlatform
const driver = createDriver(() => platform.url)
const WIB = timeZoneOfArea('32.01') ?? 'Asia/Jakarta'

beforeAll(async () => {
  platform = await startTestPlatform()
})
afterAll(async () => {
  await platform?.dispose()
})

// A fresh session each time: the clock moves by days here, and a session lasts 8 hours.
const get = async (username: string, path: string) => {
  const response = await fetch(driver.url(path), {
    headers: { cookie: `session=${await login(platform.url, username)}` },
    redirect: 'manual',
  })
  // Decoded by hand: `response.text()` drops a BOM, and the CSV's BOM is under test.
  const bytes = Buffer.from(await response.arrayBuffer())
  return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') }
}

/** The data rows of the queue: reference, age cell, due cell, action cell. */
const queueRows = (page: string) =>
  [
    ...page.matchAll(
      /<tr>\s*<th scope="row"><a href="\/staff\/cases\/[^"]+">([^<]+)<\/a>(.*?)<\/th>(.*?)<\/tr>/gs,
    ),
  ].map(([, reference, marker, cells]) => {
    const tds = [...(cells ?? '').matchAll(/<td([^>]*)>(.*?)<\/td>/gs)].map(([, attrs, text]) => ({
      attrs: attrs ?? '',
      text: text ?? '',
    }))
    return { reference, escalated: (marker ?? '').includes('Eskalasi'), tds }
  })

const ageOf = (text: string) => {
  const match = /(\d+) hari kerja \((\d+) hari\)/.exec(text)
  if (!match) throw new Error(`no age in ${text}`)
  return { workingDays: Number(match[1]), days: Number(match[2]) }
}

const csvLines = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')

const cases: { caseId: string; reference: string }[] = []

describe('the reports of a kabupaten', () => {
  it('queue the approvals oldest first with their age, and drop a decided one', async () => {
    for (const n of [1, 2, 3])
      cases.push(
        await driver.submitCase(
          intakeBody({ category: n === 3 ? 'LANSIA_TERLANTAR' : 'FAKIR_MISKIN' }, { nik: nikOf(900 + n) }),
        ),
      )
    const [a, b] = cases as [(typeof cases)[0], (typeof cases)[0]]
    await driver.act(driver.linkIn(await driver.mail(EMAILS.tksk, a.reference, 'Asesmen')), ASSESSED)
    await driver.waitForStatus(a.reference, 'RECOMMENDATION')
    await driver.mail(EMAILS.dinsos, a.reference, 'Persetujuan')
    await driver.advance(DAY)
    await driver.act(driver.linkIn(await driver.mail(EMAILS.tksk, b.reference, 'Asesmen')), ASSESSED)
    await driver.waitForStatus(b.reference, 'RECOMMENDATION')
    const approvalB = driver.linkIn(await driver.mail(EMAILS.dinsos, b.reference, 'Persetujuan'))

    const queue = await get('dinsos.bogor', '/staff/persetujuan')
    expect(queue.status).toBe(200)
    const rows = queueRows(queue.text)
    expect(rows.map((r) => r.reference)).toEqual([a.reference, b.reference])
    const [ageA, ageB] = rows.map((r) => ageOf(r.tds[3]?.text ?? ''))
    expect(ageA?.days).toBe((ageB?.days ?? 0) + 1)
    expect(ageA?.workingDays).toBeLessThanOrEqual(ageA?.days ?? 0)
    expect(rows.every((r) => /href="\/staff\/tasks\/[A-Z0-9]+"/.test(r.tds[5]?.text ?? ''))).toBe(true)
    expect(queue.text).toContain('Jaminan Kesehatan Daerah')

    // The head of Dinsos sees the queue too, but the tasks are not theirs (yet): no link.
    const headQueue = queueRows((await get('kadinsos.bogor', '/staff/persetujuan')).text)
    expect(headQueue.map((r) => r.tds[5]?.text)).toEqual(['—', '—'])

    await driver.act(approvalB, { decision: 'APPROVE' })
    await driver.waitForStatus(b.reference, 'REFERRAL')
    const after = queueRows((await get('dinsos.bogor', '/staff/persetujuan')).text)
    expect(after.map((r) => r.reference)).toEqual([a.reference])
  })

  it('mark an approval past its due date overdue and escalated', async () => {
    const [a, , c] = cases as [(typeof cases)[0], unknown, (typeof cases)[0]]
    const [before] = queueRows((await get('dinsos.bogor', '/staff/persetujuan')).text)
    // The age compared below is A's, before and after.
    expect(before?.reference).toBe(a.reference)
    const startedMs = nowMs()
    // Past the due dates read from the tasks, not a guessed number of days (3 hari kerja are
    // 10 days in Lebaran week): A's approval, then the third case's assessment (5 hari kerja
    // from the same morning, so due later), which the dashboard below counts overdue too.
    await driver.advancePastDue('dinsos.bogor', a.reference, 'APPROVAL')
    await driver.mail(EMAILS.head, a.reference, 'Persetujuan')
    await driver.advancePastDue('tksk.leuwiliang', c.reference, 'ASSESSMENT')
    const [row] = queueRows((await get('dinsos.bogor', '/staff/persetujuan')).text)
    expect(row?.reference).toBe(a.reference)
    expect(row?.escalated).toBe(true)
    expect(row?.tds[4]?.attrs).toContain('overdue')
    const elapsedDays = Math.floor((nowMs() - startedMs) / (DAY * 1000))
    expect(ageOf(row?.tds[3]?.text ?? '').days).toBeGreaterThanOrEqual(
      ageOf(before?.tds[3]?.text ?? '').days + elapsedDays,
    )
  })

  it('count the month on the dashboard and in its CSV', async () => {
    const records = await Promise.all(cases.map((c) => getCase(c.caseId)))
    const month = monthOf(new Date(records[0]?.createdAt ?? ''), WIB)
    const page = await get('dinsos.bogor', `/staff/dashboard?month=${month}`)
    expect(page.status).toBe(200)
    expect(page.text).toMatch(/<strong>3<\/strong> kasus\s+masuk/)
    expect(page.text).toContain('Lanjut Usia Terlantar')
    expect(page.text).toContain('/assets/chart.js?v=')
    // Overdue now: the approval of A and the assessment of the third case.
    expect(page.text).toMatch(/Tugas terbuka yang terlambat \(saat ini\): [2-9]/)

    const csv = await get('dinsos.bogor', `/staff/dashboard.csv?month=${month}&area=32.01`)
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toContain('text/csv')
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = csvLines(csv.text)
    expect(lines[0]).toBe('Bulan,Wilayah,Bagian,Rincian,Keterangan,Nilai')
    expect(lines).toContain(`${month},32.01 KABUPATEN BOGOR,Kasus masuk,Jumlah,,3`)
    expect(lines).toContain(`${month},32.01 KABUPATEN BOGOR,Kasus per tahap,Rekomendasi,,1`)
    expect(lines).toContain(`${month},32.01 KABUPATEN BOGOR,Kasus per tahap,Rujukan,,1`)
    expect(lines).toContain(`${month},32.01 KABUPATEN BOGOR,Kasus per tahap,Asesmen,,1`)
    expect(lines).toContain(`${month},32.01 KABUPATEN BOGOR,Kasus per kecamatan,Leuwiliang,32.01.14,3`)
  })

  it('give the laporan of a kecamatan and the kabupaten roll-up, as pages and CSV', async () => {
    const records = await Promise.all(cases.map((c) => getCase(c.caseId)))
    const month = monthOf(new Date(records[0]?.createdAt ?? ''), WIB)
    const visitsInMonth = records.filter(
      (r) => r?.assessment && monthOf(new Date(r.assessment.at), WIB) === month,
    ).length

    const own = await get('tksk.leuwiliang', `/staff/laporan?month=${month}`)
    expect(own.status).toBe(200)
    expect(own.text).toContain(cases[0]?.reference)
    const csv = csvLines((await get('tksk.leuwiliang', `/staff/laporan.csv?month=${month}`)).text)
    const header = csv[0]?.split(',') ?? []
    const row = csv[1]?.split(',') ?? []
    expect(row.slice(0, 3)).toEqual([month, '32.01.14', 'Leuwiliang'])
    expect(row[header.indexOf('Kunjungan rumah')]).toBe(String(visitsInMonth))
    expect(row[header.indexOf('Kasus masuk')]).toBe('3')
    expect(csv).toContain(`,${cases[0]?.reference},${ASSESSED.visitDate},Ya`)

    const rollUp = csvLines((await get('dinsos.bogor', `/staff/laporan.csv?month=${month}&area=32.01`)).text)
    const kecamatanRows = rollUp.slice(1, -1)
    expect(kecamatanRows.length).toBe(40)
    const total = rollUp.at(-1)?.split(',') ?? []
    expect(total.slice(0, 3)).toEqual([month, '', 'Jumlah'])
    expect(total[header.indexOf('Kasus masuk')]).toBe('3')
    const rollUpPage = await get('dinsos.bogor', `/staff/laporan?month=${month}&area=32.01`)
    expect(rollUpPage.text).toContain('Ciampea')
    expect(rollUpPage.text).toContain('data-total="true"')
  })

  it('open from the menu each under its own title: the figures and the laporan that travels', async () => {
    for (const username of ['tksk.leuwiliang', 'dinsos.bogor']) {
      const menu = (await get(username, '/staff/laporan')).text
      const titles = new Set<string>()
      for (const path of ['/staff/laporan', '/staff/laporan-bulanan']) {
        const page = (await get(username, path)).text
        const h1 = /<h1>([^<]+)<\/h1>/.exec(page)?.[1]?.trim() ?? ''
        const title = /<title>([^<]+)<\/title>/.exec(page)?.[1]?.trim() ?? ''
        const link = new RegExp(`<a href="${path}">([^<]+)</a>`).exec(menu)?.[1] ?? ''
        expect(title, `${username} ${path}`).toContain(h1)
        // The menu's word leads the page's title, so the reader knows where the link went.
        expect(h1.startsWith(link), `${username} ${path}: "${link}" opens "${h1}"`).toBe(true)
        titles.add(h1)
      }
      expect(titles.size, username).toBe(2)
    }
  })

  it('keep each area’s figures to its own staff', async () => {
    expect((await get('tksk.ciampea', '/staff/laporan?area=32.01.14')).status).toBe(403)
    expect((await get('tksk.ciampea', '/staff/laporan.csv?area=32.01.14')).status).toBe(403)
    expect((await get('tksk.ciampea', '/staff/laporan?area=32.01')).status).toBe(403)
    expect((await get('tksk.ciampea', '/staff/laporan')).status).toBe(200)
    expect((await get('dinsos.bandarlampung', '/staff/dashboard?area=32.01')).status).toBe(403)
    expect((await get('dinsos.bandarlampung', '/staff/dashboard.csv?area=32.01')).status).toBe(403)
    expect((await get('dinsos.bandarlampung', '/staff/persetujuan?area=32.01')).status).toBe(403)
    expect((await get('tksk.leuwiliang', '/staff/dashboard')).status).toBe(403)
    expect((await get('auditor.bogor', '/staff/persetujuan')).status).toBe(403)
    // A national user must pick a kabupaten: the form comes back with the error.
    const national = await get('auditor.pusat', '/staff/dashboard')
    expect(national.status).toBe(400)
    expect(national.text).toContain('Kode wilayah')
    expect((await get('auditor.pusat', '/staff/dashboard?area=18.71')).status).toBe(200)
  })
})
