/**
 * Issue 21 items 2 and 4 on the local platform: verval files with the chain's columns go
 * through validation, approval and apply; the registry keeps them (the protected ones
 * masked) with their history; Dinsos exports the period's approved changes in the
 * national layout, which reproduces the fixture column by column, audited and marking
 * the batches sent.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nowMs } from '../../../functions/shared/clock'
import { login, startTestPlatform, type TestPlatform } from '../../support/platform'
import { createVervalDriver, currentPeriod, family, type SheetRow } from './verval-driver'

const FIXTURE = new URL('../../fixtures/national-export-daftar-kpm-perubahan.csv', import.meta.url)

/** The month before the current one in WIB on the project clock: the period the export is of. */
const previousPeriod = (): string => {
  const now = new Date(nowMs() + 7 * 3600_000)
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7)
}

const ACCOUNT = '0021000201201'
const MOTHER = 'Ratna Dewi'
const LEUWILIANG: SheetRow[] = [
  family(201, '320114', {
    id_dtsen_keluarga: '3201140000000201',
    id_dtsen_pengurus: '3201140000000201-01',
    no_peserta_pkh: 'P320114000201',
    status_pkh: 'AKTIF',
    tempat_lahir: 'Bogor',
    no_rekening: ACCOUNT,
    nama_ibu_kandung: MOTHER,
  }),
  family(202, '320114', {
    id_dtsen_keluarga: '3201140000000202',
    tempat_lahir: 'Leuwiliang',
    no_rekening: '4455660202',
    nama_ibu_kandung: 'Enok Sumarni',
  }),
  family(203),
]
const CIAMPEA: SheetRow[] = [
  family(204, '320115', {
    id_dtsen_keluarga: '3201150000000204',
    no_peserta_pkh: 'P320115000204',
    status_pkh: 'GRADUASI_MANDIRI',
    tempat_lahir: 'Ciampea',
    no_rekening: '7788990204',
    nama_ibu_kandung: 'Iis Aisyah',
  }),
]

let platform: TestPlatform
const driver = createVervalDriver(() => platform.url)
let period = ''
const batchIds: string[] = []

const exportAs = (username: string, body: Record<string, unknown>) =>
  driver.call(username, '/api/verval/export', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

const applied = async (rows: SheetRow[], username: string, query: string) => {
  const batchId = await driver.uploadOk(rows, username, query)
  expect((await driver.waitFor(batchId, ['AWAITING_APPROVAL', 'INVALID'])).status).toBe('AWAITING_APPROVAL')
  expect((await driver.decide(batchId, 'APPROVE')).status).toBe(200)
  await driver.waitFor(batchId, ['APPLIED'])
  return batchId
}

const columns = (table: string[][]) => {
  const [header = [], ...rows] = table
  return new Map(header.map((name, index) => [name, rows.map((row) => row[index])]))
}

beforeAll(async () => {
  platform = await startTestPlatform()
  period = previousPeriod()
  batchIds.push(
    ...(await Promise.all([
      applied(LEUWILIANG, 'tksk.leuwiliang', `program=BPNT&period=${period}`),
      applied(CIAMPEA, 'tksk.ciampea', `program=BPNT&period=${period}`),
    ])),
  )
}, 180_000)
afterAll(() => platform?.dispose())

describe('the national export of a period’s approved changes', () => {
  let exportId = ''

  it('reproduces the fixture layout column by column, and marks both batches sent', async () => {
    const response = await exportAs('dinsos.bogor', { program: 'BPNT', period, purpose: 'unggah SIKS-NG' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/csv')
    expect(response.headers.get('content-disposition')).toContain(`kpm-perubahan-BPNT-${period}-3201.csv`)
    exportId = response.headers.get('x-export-id') ?? ''
    const actual = parse((await response.text()).replace(/^\uFEFF/, '')) as string[][]
    const expected = parse(readFileSync(FIXTURE, 'utf8').replaceAll('{PERIODE}', period)) as string[][]
    expect(actual[0]).toEqual(expected[0])
    const got = columns(actual)
    for (const [name, values] of columns(expected)) expect(got.get(name), name).toEqual(values)
    expect(actual).toHaveLength(expected.length)

    for (const batchId of batchIds)
      expect(await driver.batch(batchId)).toMatchObject({
        sentToNational: { exportId, by: 'dinsos.bogor' },
        sendCount: 1,
      })
  })

  it('a batch sent once is not sent again: the next export finds nothing; asked with includeSent, the same rows come as XLSX', async () => {
    const again = await exportAs('dinsos.bogor', { program: 'BPNT', period, purpose: 'unggah SIKS-NG' })
    expect(again.status).toBe(409)
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('CONFLICT')

    const resend = await exportAs('dinsos.bogor', {
      program: 'BPNT',
      period,
      purpose: 'kirim ulang, SIKS-NG menolak unggahan pertama',
      format: 'xlsx',
      includeSent: true,
    })
    expect(resend.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await resend.arrayBuffer()) as ExcelJS.Buffer)
    const sheet = workbook.worksheets[0]
    const expected = parse(readFileSync(FIXTURE, 'utf8').replaceAll('{PERIODE}', period)) as string[][]
    const width = expected[0]?.length ?? 0
    const table: string[][] = []
    sheet?.eachRow((row) =>
      table.push(Array.from({ length: width }, (_, index) => row.getCell(index + 1).text)),
    )
    expect(table).toEqual(expected)
    for (const batchId of batchIds) expect(await driver.batch(batchId)).toMatchObject({ sendCount: 2 })
  })

  it('Dinsos exports from the verval page without JavaScript; the TKSK sees no such form; a form without a purpose comes back with the field marked', async () => {
    const cookieOf = async (username: string) => `session=${await login(platform.url, username)}`
    const dinsos = await cookieOf('dinsos.bogor')
    const listPage = await (
      await fetch(`${platform.url}/staff/verval`, { headers: { cookie: dinsos } })
    ).text()
    expect(listPage).toContain('action="/staff/verval/ekspor"')
    const tkskPage = await (
      await fetch(`${platform.url}/staff/verval`, { headers: { cookie: await cookieOf('tksk.leuwiliang') } })
    ).text()
    expect(tkskPage).not.toContain('/staff/verval/ekspor')
    const csrf = /name="_csrf" value="([^"]+)"/.exec(listPage)?.[1] ?? ''
    const post = (fields: Record<string, string>) =>
      fetch(`${platform.url}/staff/verval/ekspor`, {
        method: 'POST',
        headers: { cookie: dinsos, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, program: 'BPNT', period, format: 'csv', ...fields }),
      })
    const file = await post({ purpose: 'unggah SIKS-NG dari halaman', includeSent: 'true' })
    expect(file.status).toBe(200)
    expect(file.headers.get('content-disposition')).toContain('attachment')
    expect(await file.text()).toContain(ACCOUNT)
    const refused = await post({ purpose: '', includeSent: 'true' })
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('Tujuan minimal 5 karakter.')
    expect((await post({ purpose: 'unggah SIKS-NG', _csrf: 'forged' })).status).toBe(403)
  })

  it('each export is on the kabupaten’s export chain with its purpose, batches and the fields it held in full', async () => {
    const response = await driver.call('auditor.bogor', '/api/audit?entityId=national-export:32.01&limit=10')
    expect(response.status).toBe(200)
    const { items } = (await response.json()) as {
      items: { action: string; actor: { id: string }; after: Record<string, unknown> }[]
    }
    expect(items.map((entry) => [entry.action, entry.actor.id, entry.after.purpose])).toEqual([
      ['NATIONAL_EXPORT', 'dinsos.bogor', 'unggah SIKS-NG'],
      ['NATIONAL_EXPORT', 'dinsos.bogor', 'kirim ulang, SIKS-NG menolak unggahan pertama'],
      ['NATIONAL_EXPORT', 'dinsos.bogor', 'unggah SIKS-NG dari halaman'],
    ])
    expect(items[0]?.after).toMatchObject({
      exportId,
      program: 'BPNT',
      period,
      rows: 4,
      fields: ['nik', 'no_kk', 'no_kks', 'no_rekening', 'nama_ibu_kandung'],
    })
    expect([...((items[0]?.after.batches as string[]) ?? [])].sort()).toEqual([...batchIds].sort())
  })

  it('only the kabupaten’s Dinsos may export: TKSK, the head, auditors, admins and another kabupaten’s Dinsos get 403', async () => {
    const body = { program: 'BPNT', period, purpose: 'unggah SIKS-NG', includeSent: true }
    for (const username of ['tksk.leuwiliang', 'kadinsos.bogor', 'auditor.bogor', 'admin.bogor'])
      expect((await exportAs(username, { ...body, area: '32.01' })).status, username).toBe(403)
    expect((await exportAs('dinsos.bandarlampung', { ...body, area: '32.01' })).status).toBe(403)
  })

  it('a request without a purpose or with a kecamatan of another kabupaten is refused with the field named', async () => {
    const noPurpose = await exportAs('dinsos.bogor', { program: 'BPNT', period })
    expect(noPurpose.status).toBe(400)
    expect(JSON.stringify(await noPurpose.json())).toContain('"path":"purpose"')
    const elsewhere = await exportAs('dinsos.bogor', {
      program: 'BPNT',
      period,
      purpose: 'unggah SIKS-NG',
      kecamatan: '18.71.04',
    })
    expect(elsewhere.status).toBe(400)
    expect(JSON.stringify(await elsewhere.json())).toContain('"path":"kecamatan"')
  })
})

describe('one verval row revealed with a purpose', () => {
  it('shows the TKSK the full account and mother’s name, recorded as PII_READ on the batch’s chain; auditors may not', async () => {
    const reveal = (username: string, body: unknown) =>
      driver.call(username, `/api/verval/${batchIds[0]}/reveal`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    const response = await reveal('tksk.leuwiliang', { line: 2, purpose: 'cocokkan buku tabungan' })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      line: 2,
      nik: LEUWILIANG[0]?.nik,
      no_rekening: ACCOUNT,
      nama_ibu_kandung: MOTHER,
    })
    expect((await reveal('auditor.bogor', { line: 2, purpose: 'cocokkan buku tabungan' })).status).toBe(403)
    expect((await reveal('tksk.ciampea', { line: 2, purpose: 'cocokkan buku tabungan' })).status).toBe(404)
    expect((await reveal('tksk.leuwiliang', { line: 9, purpose: 'cocokkan buku tabungan' })).status).toBe(404)
    const noPurpose = await reveal('tksk.leuwiliang', { line: 2 })
    expect(noPurpose.status).toBe(400)
    expect(JSON.stringify(await noPurpose.json())).toContain('"path":"purpose"')

    const chain = await driver.call('auditor.bogor', `/api/audit?entityId=batch:${batchIds[0]}&limit=100`)
    const { items } = (await chain.json()) as { items: { action: string; after: Record<string, unknown> }[] }
    expect(items.filter((entry) => entry.action === 'PII_READ').map((entry) => entry.after)).toEqual([
      expect.objectContaining({ purpose: 'cocokkan buku tabungan', line: 2 }),
    ])
  })

  it('records a purpose that quotes the account and the mother’s name with both masked, as the auditors’ views show them', async () => {
    // The row's birth date too, as its NIK encodes it: beside the masked NIK it would rebuild it.
    const bornOn = `${LEUWILIANG[0]?.nik.slice(6, 8) ?? ''}-07-1980`
    const response = await driver.call('tksk.leuwiliang', `/api/verval/${batchIds[0]}/reveal`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        line: 2,
        purpose: `cocokkan rek 0021 0002 01201 a.n. ibu ${MOTHER.toUpperCase()}, lahir ${bornOn}`,
      }),
    })
    expect(response.status).toBe(200)
    const entity = encodeURIComponent(`batch:${batchIds[0]}`)
    const chain = await driver.call('auditor.bogor', `/api/audit?entityId=${entity}&limit=100`)
    const { items } = (await chain.json()) as { items: { action: string; after: Record<string, unknown> }[] }
    expect(items.filter((entry) => entry.action === 'PII_READ').at(-1)?.after).toMatchObject({
      purpose: 'cocokkan rek *********1201 a.n. ibu R. D., lahir **-**-1980',
    })
    const exported = await (
      await driver.call('auditor.bogor', '/api/audit/export', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ entityId: `batch:${batchIds[0]}` }),
      })
    ).text()
    expect(exported).toContain('*********1201')
    expect(exported).not.toMatch(/0021\D{0,3}0002\D{0,3}01201/)
    expect(exported.toLowerCase()).not.toContain(MOTHER.toLowerCase())
  })
})

describe('the registry with the chain’s columns', () => {
  it('keeps them with the family, the account and mother’s name masked, and names a changed account in the history', async () => {
    const changed = {
      ...LEUWILIANG[0],
      aksi: 'UBAH',
      no_rekening: '9990000201201',
      status_pkh: 'GRADUASI_MANDIRI',
    }
    const batchId = await applied(
      [changed as SheetRow],
      'tksk.leuwiliang',
      `program=BPNT&period=${currentPeriod()}`,
    )
    const registry = await driver.registry('32.01.14')
    const record = registry.find((kpm) => kpm.nama === 'Keluarga 201')
    expect(record).toMatchObject({
      idDtsenKeluarga: '3201140000000201',
      idDtsenPengurus: '3201140000000201-01',
      noPesertaPkh: 'P320114000201',
      statusPkh: 'GRADUASI_MANDIRI',
      tempatLahir: 'Bogor',
      noRekening: '*********1201',
      namaIbuKandung: 'R. D.',
    })
    // Same last four digits: the change is seen through the ref, not the mask.
    expect(record?.history).toEqual([
      expect.objectContaining({ batchId: batchIds[0], aksi: 'BARU' }),
      expect.objectContaining({ batchId, aksi: 'UBAH', changed: ['status_pkh', 'no_rekening'] }),
    ])
    const shown = JSON.stringify(registry)
    for (const secret of [ACCOUNT, '9990000201201', MOTHER, 'Enok Sumarni'])
      expect(shown).not.toContain(secret)
    expect(shown).not.toContain('protectedRefs')
  })
})
