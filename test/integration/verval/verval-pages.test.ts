/**
 * The verval pages against the local platform: the TKSK's upload form posts multipart
 * with its CSRF token and lands on the batch page; a bad file comes back as the form
 * with the Indonesian error; templates carry exactly the header; another kecamatan
 * cannot open the batch; the batch page shows the diff against the previous applied batch.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VERVAL_COLUMNS } from '../../../functions/core/verval/columns'
import { login, startTestPlatform, type TestPlatform } from '../../support/platform'
import { createVervalDriver, csvOf, currentPeriod, family } from './verval-driver'

let platform: TestPlatform
const driver = createVervalDriver(() => platform.url)
const cookies = new Map<string, string>()

beforeAll(async () => {
  platform = await startTestPlatform()
  for (const user of [
    'tksk.leuwiliang',
    'tksk.ciampea',
    'dinsos.bogor',
    'dinsos.bandarlampung',
    'auditor.pusat',
  ])
    cookies.set(user, `session=${await login(platform.url, user)}`)
}, 60_000)
afterAll(() => platform?.dispose())

const get = (user: string, path: string) =>
  fetch(`${platform.url}${path}`, { headers: { cookie: cookies.get(user) ?? '' }, redirect: 'manual' })

const csrfOf = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? ''

const postUpload = async (
  fields: { program?: string; period?: string; csrf?: string },
  file: { name: string; content: string | Buffer } | undefined,
  user = 'tksk.leuwiliang',
) => {
  const csrf = fields.csrf ?? csrfOf(await (await get(user, '/staff/verval')).text())
  const form = new FormData()
  form.set('_csrf', csrf)
  form.set('program', fields.program ?? 'BPNT')
  form.set('period', fields.period ?? currentPeriod())
  if (file) form.set('file', new Blob([file.content]), file.name)
  return fetch(`${platform.url}/staff/verval`, {
    method: 'POST',
    headers: { cookie: cookies.get(user) ?? '' },
    body: form,
    redirect: 'manual',
  })
}

const previousPeriod = (period: string): string => {
  const [year, month] = period.split('-').map(Number) as [number, number]
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`
}

describe('the verval upload page', () => {
  it('offers the TKSK the form with the current month, and the read-only list to Dinsos', async () => {
    const tksk = await (await get('tksk.leuwiliang', '/staff/verval')).text()
    expect(tksk).toContain('enctype="multipart/form-data"')
    expect(tksk).toContain(`value="${currentPeriod()}"`)
    expect(tksk).toContain('href="/staff/verval"')
    const dinsos = await get('dinsos.bogor', '/staff/verval')
    expect(dinsos.status).toBe(200)
    expect(await dinsos.text()).not.toContain('enctype="multipart/form-data"')
  })

  it('serves templates with exactly the columns, NIK, KK and KKS as text in the workbook', async () => {
    const csv = await get('tksk.leuwiliang', '/staff/verval/template.csv')
    expect(csv.headers.get('content-disposition')).toContain('template-verval.csv')
    expect((await csv.text()).replace(/^\uFEFF/, '')).toBe(`${VERVAL_COLUMNS.join(',')}\r\n`)
    const xlsx = await get('tksk.leuwiliang', '/staff/verval/template.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    expect((sheet?.getRow(1).values as unknown[]).slice(1)).toEqual([...VERVAL_COLUMNS])
    for (const column of ['nik', 'no_kk', 'no_kks'])
      expect(sheet?.getColumn(VERVAL_COLUMNS.indexOf(column as never) + 1).numFmt).toBe('@')
    expect(sheet?.getColumn(3).numFmt).not.toBe('@')
  })

  it('re-renders the form with the Indonesian error for a wrong header, no file, a file too big or of another kind', async () => {
    const wrong = await postUpload({}, { name: 'verval.csv', content: 'nama,nik\nA,1\n' })
    expect(wrong.status).toBe(400)
    const page = await wrong.text()
    expect(page).toContain('Baris judul harus berisi kolom')
    expect(page).toContain('enctype="multipart/form-data"')
    const missing = await postUpload({}, undefined)
    expect(missing.status).toBe(400)
    expect(await missing.text()).toContain('Pilih berkas CSV atau XLSX.')
    // Without the page's script the file is posted directly: the page names the direct limit
    // (a base64-encoded multipart body must fit Lambda's 6 MB, ADR 0018)…
    const big = await postUpload({}, { name: 'verval.csv', content: Buffer.alloc(4 * 1024 * 1024 + 1, 'a') })
    expect(big.status).toBe(413)
    expect(await big.text()).toContain('Berkas lebih besar dari 4 MiB.')
    // …and a 5 MiB + 1 direct post is refused before the function, as API Gateway and Lambda refuse it.
    const huge = await postUpload({}, { name: 'verval.csv', content: Buffer.alloc(5 * 1024 * 1024 + 1, 'a') })
    expect(huge.status).toBe(413)
    const odd = await postUpload({}, { name: 'verval.pdf', content: '%PDF' })
    expect(odd.status).toBe(400)
    expect(await odd.text()).toContain('.csv, .txt atau .xlsx')
  })

  it('takes an Excel workbook made from the template, NIK and KK kept as text', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(
      Buffer.from(
        await (await get('tksk.leuwiliang', '/staff/verval/template.xlsx')).arrayBuffer(),
      ) as unknown as ArrayBuffer,
    )
    const sheet = workbook.worksheets[0]
    for (const n of [11, 12]) sheet?.addRow(VERVAL_COLUMNS.map((column) => family(n)[column] ?? ''))
    const response = await postUpload(
      { program: 'PKH' },
      { name: 'Verval Leuwiliang.XLSX', content: Buffer.from(await workbook.xlsx.writeBuffer()) },
    )
    expect(response.status).toBe(303)
    const batchId = response.headers.get('location')?.split('/').at(-1) ?? ''
    expect(await driver.waitFor(batchId, ['AWAITING_APPROVAL', 'INVALID'])).toMatchObject({
      status: 'AWAITING_APPROVAL',
      rows: 2,
    })
  })

  it('refuses a form without the session’s CSRF token', async () => {
    const forged = await postUpload({ csrf: 'forged' }, { name: 'verval.csv', content: csvOf([family(1)]) })
    expect(forged.status).toBe(403)
  })

  it('uploads through the form to the batch page, which another kecamatan cannot open', async () => {
    const response = await postUpload({}, { name: 'verval.csv', content: csvOf([family(1), family(2)]) })
    expect(response.status).toBe(303)
    const location = response.headers.get('location') ?? ''
    expect(location).toMatch(/^\/staff\/verval\/[0-9A-Z]{26}$/)
    const batchId = location.split('/').at(-1) ?? ''
    await driver.waitFor(batchId, ['AWAITING_APPROVAL'])
    const page = await (await get('tksk.leuwiliang', location)).text()
    expect(page).toContain('Menunggu persetujuan')
    expect(page).not.toContain('http-equiv="refresh"')
    expect(page).not.toContain(family(1).nik)
    expect(page).toContain('Keluarga baru (2)')
    expect((await get('tksk.ciampea', location)).status).toBe(404)
    expect((await get('dinsos.bogor', location)).status).toBe(200)
    expect(await (await get('tksk.leuwiliang', '/staff/verval')).text()).toContain(`/staff/verval/${batchId}`)
    expect(await (await get('dinsos.bandarlampung', '/staff/verval')).text()).not.toContain(batchId)
    // A national reader lists a kabupaten or kecamatan they name.
    expect(await (await get('auditor.pusat', '/staff/verval')).text()).toContain('id="f-area"')
    expect(await (await get('auditor.pusat', '/staff/verval?area=32.01')).text()).toContain(batchId)
    expect(await (await get('auditor.pusat', '/staff/verval?area=32.01.14')).text()).toContain(batchId)
    expect(await (await get('auditor.pusat', '/staff/verval?area=18.71')).text()).not.toContain(batchId)
    expect((await get('auditor.pusat', '/staff/verval?area=32')).status).toBe(400)
  })

  it('shows on the batch page what changed since the previous applied batch', async () => {
    const before = previousPeriod(currentPeriod())
    const rows = [1, 2, 3].map((n) => family(n, '320114'))
    const first = await driver.uploadOk(rows, 'tksk.leuwiliang', `program=PBI&period=${before}`)
    await driver.waitFor(first, ['AWAITING_APPROVAL'])
    expect((await driver.decide(first, 'APPROVE')).status).toBe(200)
    await driver.waitFor(first, ['APPLIED'])

    const next = [
      family(1, '320114', { aksi: 'UBAH', alamat: 'Kp. Baru' }),
      family(2, '320114', { aksi: 'HAPUS', alasan: 'MENINGGAL' }),
      family(3, '320114', { aksi: 'TETAP' }),
      family(4, '320114'),
    ]
    const second = await driver.uploadOk(next, 'tksk.leuwiliang', `program=PBI&period=${currentPeriod()}`)
    await driver.waitFor(second, ['AWAITING_APPROVAL', 'INVALID'])
    const page = await (await get('tksk.leuwiliang', `/staff/verval/${second}`)).text()
    expect(page).toContain(`href="/staff/verval/${first}"`)
    expect(page).toContain('Keluarga baru (1)')
    expect(page).toContain('Keluarga dihapus (1)')
    expect(page).toContain('Keluarga berubah (1)')
    expect(page).toMatch(/320114\*{6}\d{4} · Keluarga 1 · Purasari \(baris\s+2\): alamat/)
  })

  it('counts on the batch page only the rows without errors as new families, as its summary does', async () => {
    const rows = [family(21), family(22), family(23, '320114', { nik: '12345' })]
    const batchId = await driver.uploadOk(rows, 'tksk.leuwiliang', `program=BPNT&period=${currentPeriod()}`)
    await driver.waitFor(batchId, ['INVALID'])
    const page = await (await get('tksk.leuwiliang', `/staff/verval/${batchId}`)).text()
    expect(page).toContain('2 baru, 0 diubah')
    expect(page).toContain('Keluarga baru (2)')
    expect(page).not.toContain('Keluarga 23')
  })
})
