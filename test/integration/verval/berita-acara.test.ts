/**
 * The Berita Acara Daftar KPM Perubahan on the real parts (issue 21.3, ADR 0035): a
 * period's approved batches give the figures of the paper (summary by desa and aksi, the
 * changes masked), Dinsos issues it and records the signed paper once (audited), and a
 * kecamatan approved later makes a correction: the next revision, whose old code says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPlatform, type TestPlatform } from '../../support/platform'
import { createVervalDriver, currentPeriod, family } from './verval-driver'

let platform: TestPlatform
const driver = createVervalDriver(() => platform.url)

const previousPeriod = (period: string): string => {
  const [year, month] = period.split('-').map(Number) as [number, number]
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`
}

const approveAndApply = async (batchId: string) => {
  expect((await driver.waitFor(batchId, ['AWAITING_APPROVAL', 'INVALID'])).status).toBe('AWAITING_APPROVAL')
  expect((await driver.decide(batchId, 'APPROVE')).status).toBe(200)
  await driver.waitFor(batchId, ['APPLIED'])
}

const post = (username: string, path: string, body: unknown) =>
  driver.call(username, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

const state = async (area: string, period: string, username = 'dinsos.bogor') => {
  const response = await driver.call(username, `/api/berita-acara?area=${area}&program=BPNT&period=${period}`)
  expect(response.status).toBe(200)
  return (await response.json()) as {
    current: { revision: number; code: string; batchIds: string[]; verifyUrl: string } | null
    figures: {
      totals: Record<string, number>
      byDesa: { desa: string; counts: Record<string, number> }[]
      changes: { nama: string; nik: string; noKk: string; birthYear: number; aksi: string; alasan: string }[]
    } | null
    changedSinceIssue: boolean
  }
}

beforeAll(async () => {
  platform = await startTestPlatform()
}, 60_000)
afterAll(() => platform?.dispose())

describe('the Berita Acara of a period', () => {
  const period = currentPeriod()
  const rows = [1, 2, 3, 4].map((n) => family(n))
  let leuwiliangBatch = ''

  it('an approved batch gives the paper its figures by desa and aksi, with masked NIK and KK and the birth year only', async () => {
    await approveAndApply(
      await driver.uploadOk(rows, 'tksk.leuwiliang', `program=BPNT&period=${previousPeriod(period)}`),
    )
    const [one, two, three] = rows as [(typeof rows)[0], (typeof rows)[0], (typeof rows)[0]]
    leuwiliangBatch = await driver.uploadOk([
      { ...one, aksi: 'TETAP' },
      { ...two, aksi: 'UBAH', nama: 'Keluarga Dua Baru' },
      { ...three, aksi: 'HAPUS', alasan: 'MENINGGAL' },
      family(6),
      family(11),
    ])
    // Nothing approved yet: nothing to issue.
    const early = await post('dinsos.bogor', '/api/berita-acara', {
      area: '32.01.14',
      program: 'BPNT',
      period,
    })
    expect(early.status).toBe(409)
    await approveAndApply(leuwiliangBatch)

    const issued = await post('dinsos.bogor', '/api/berita-acara', {
      area: '32.01.14',
      program: 'BPNT',
      period,
    })
    expect(issued.status).toBe(201)
    const again = await post('dinsos.bogor', '/api/berita-acara', {
      area: '32.01.14',
      program: 'BPNT',
      period,
    })
    expect(again.status).toBe(200)
    expect(((await again.json()) as { code: string }).code).toBe(
      ((await issued.json()) as { code: string }).code,
    )

    const { current, figures } = await state('32.01.14', period)
    expect(current).toMatchObject({ revision: 1, batchIds: [leuwiliangBatch] })
    expect(figures?.totals).toEqual({ TETAP: 1, BARU: 2, UBAH: 1, HAPUS: 1 })
    // family(n) lives in desa 2001 + n % 5: 1 and 6 and 11 in 2002, 2 in 2003, 3 in 2004.
    expect(figures?.byDesa).toEqual([
      { kecamatan: '32.01.14', desa: '32.01.14.2002', counts: { TETAP: 1, BARU: 2, UBAH: 0, HAPUS: 0 } },
      { kecamatan: '32.01.14', desa: '32.01.14.2003', counts: { TETAP: 0, BARU: 0, UBAH: 1, HAPUS: 0 } },
      { kecamatan: '32.01.14', desa: '32.01.14.2004', counts: { TETAP: 0, BARU: 0, UBAH: 0, HAPUS: 1 } },
    ])
    expect(figures?.changes.map((c) => [c.nama, c.aksi, c.alasan])).toEqual([
      ['Keluarga 11', 'BARU', ''],
      ['Keluarga 6', 'BARU', ''],
      ['Keluarga Dua Baru', 'UBAH', ''],
      ['Keluarga 3', 'HAPUS', 'MENINGGAL'],
    ])
    const removed = figures?.changes[3]
    expect(removed).toMatchObject({
      nik: `${three.nik.slice(0, 6)}******${three.nik.slice(12)}`,
      birthYear: 1980,
    })
    expect(removed?.noKk).toBe(`${three.no_kk.slice(0, 6)}******${three.no_kk.slice(12)}`)
    const page = await (
      await driver.call('dinsos.bogor', `/staff/berita-acara?area=32.01.14&program=BPNT&period=${period}`)
    ).text()
    for (const row of rows) expect(page).not.toContain(row.nik)
    expect(page).toContain('Kepala Dinas Sosial')
    expect(page).toContain('Bupati Bogor')
  })

  it('the roll-up is signed once with date, signer and scan reference, audited; a second record is refused', async () => {
    const issued = await post('dinsos.bogor', '/api/berita-acara', { area: '32.01', program: 'BPNT', period })
    expect(issued.status).toBe(201)
    const rollUp = (await issued.json()) as { code: string; revision: number; batchIds: string[] }
    expect(rollUp.batchIds).toEqual([leuwiliangBatch])
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10)
    const signature = { signedOn: today, signerName: 'H. Rudy Susmanto', scanReference: 'ARSIP/BA/2026/014' }
    const tksk = await post('tksk.leuwiliang', '/api/berita-acara/tanda-tangan', {
      area: '32.01',
      program: 'BPNT',
      period,
      revision: 1,
      ...signature,
    })
    expect(tksk.status).toBe(403)
    const future = await post('dinsos.bogor', '/api/berita-acara/tanda-tangan', {
      area: '32.01',
      program: 'BPNT',
      period,
      revision: 1,
      ...signature,
      signedOn: '2999-01-01',
    })
    expect(future.status).toBe(400)
    expect(((await future.json()) as { error: { details: { path: string }[] } }).error.details[0]?.path).toBe(
      'signedOn',
    )
    const signed = await post('dinsos.bogor', '/api/berita-acara/tanda-tangan', {
      area: '32.01',
      program: 'BPNT',
      period,
      revision: 1,
      ...signature,
    })
    expect(signed.status).toBe(200)
    const second = await post('dinsos.bogor', '/api/berita-acara/tanda-tangan', {
      area: '32.01',
      program: 'BPNT',
      period,
      revision: 1,
      ...signature,
      signerName: 'Orang Lain',
    })
    expect(second.status).toBe(409)
    expect(((await second.json()) as { error: { message: string } }).error.message).toContain(
      'H. Rudy Susmanto',
    )

    const audit = await driver.call(
      'auditor.bogor',
      `/api/audit?entityId=${encodeURIComponent(`berita-acara:32.01:BPNT:${period}`)}`,
    )
    const entries = ((await audit.json()) as { items: { action: string; after: Record<string, unknown> }[] })
      .items
    expect(entries.map((e) => e.action).sort()).toEqual(['BERITA_ACARA_ISSUED', 'BERITA_ACARA_SIGNED'])
    expect(entries.find((e) => e.action === 'BERITA_ACARA_SIGNED')?.after).toMatchObject({
      revision: 1,
      ...signature,
    })

    const verify = await (await fetch(`${platform.url}/v/${rollUp.code}`)).text()
    expect(verify).toContain('Berita acara ini asli')
    expect(verify).toContain('H. Rudy Susmanto')
  })

  it('a kecamatan approved after the roll-up was signed makes a correction: revision 2, and the old code says it was replaced', async () => {
    const before = await state('32.01', period)
    await approveAndApply(await driver.uploadOk([family(40, '320115')], 'tksk.ciampea'))
    expect((await state('32.01', period)).changedSinceIssue).toBe(true)
    const corrected = await post('dinsos.bogor', '/api/berita-acara', {
      area: '32.01',
      program: 'BPNT',
      period,
    })
    expect(corrected.status).toBe(201)
    expect(await corrected.json()).toMatchObject({ revision: 2 })
    expect((await state('32.01', period)).figures?.totals).toEqual({ TETAP: 1, BARU: 3, UBAH: 1, HAPUS: 1 })
    const old = await (await fetch(`${platform.url}/v/${before.current?.code}`)).text()
    expect(old).toContain('digantikan')
    const oldSign = await post('dinsos.bogor', '/api/berita-acara/tanda-tangan', {
      area: '32.01',
      program: 'BPNT',
      period,
      revision: 1,
      signedOn: new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10),
      signerName: 'H. Rudy Susmanto',
      scanReference: 'ARSIP/BA/2026/015',
    })
    expect(oldSign.status).toBe(409)
  })
})
