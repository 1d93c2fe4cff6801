/**
 * The desa's part of a verval (issue 21 item 1, ADR 0033) on the local platform: the TKSK
 * mails each desa with a contact its musdes link; a desa uploads its rows once through the
 * link; the TKSK sees what arrived and what is missing and composes the kecamatan batch,
 * where a family the desa and the TKSK report differently is a row error naming both.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VERVAL_COLUMNS } from '../../../functions/core/verval/columns'
import { login, startTestPlatform, type TestPlatform } from '../../support/platform'
import {
  desaRows,
  linkOf as linkMailedTo,
  postFile,
  todayWib as today,
  uploadByLink,
} from './desa-part-driver'
import { createVervalDriver, csvOf, currentPeriod, type SheetRow } from './verval-driver'

let platform: TestPlatform
const driver = createVervalDriver(() => platform.url)
const period = () => currentPeriod()
const linkOf = (desaCode: string) => linkMailedTo(driver, desaCode)

const LEUWILIANG = '32.01.14.2001'
const PURASARI = '32.01.14.2002'
const KARYASARI = '32.01.14.2003'
const KAREHKEL = '32.01.14.2011'

const api = async (method: string, path: string, username: string, body?: unknown) =>
  driver.call(username, path, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  })

/** An XLSX of the desa's rows whose NIK cell is a number, as Excel keeps a typed 16-digit NIK. */
const xlsxWithNumberNik = async (rows: readonly SheetRow[]): Promise<Blob> => {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Verval')
  sheet.addRow([...VERVAL_COLUMNS])
  for (const row of rows)
    sheet.addRow(
      VERVAL_COLUMNS.map((column) =>
        column === 'nik' ? Number(`${row.nik.slice(0, 15)}0`) : (row[column] ?? ''),
      ),
    )
  return new Blob([await book.xlsx.writeBuffer()])
}

const compose = (rows: readonly SheetRow[]) =>
  driver.call('tksk.leuwiliang', `/api/verval-desa/compose?program=BPNT&period=${period()}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: csvOf(rows),
  })

beforeAll(async () => {
  platform = await startTestPlatform()
}, 60_000)
afterAll(() => platform?.dispose())

describe('the desa parts of a verval', () => {
  it('mails each desa with an email its own link once, and lists a desa without one for the TKSK', async () => {
    // The admin keeps the desa contacts: Karehkel's entry is switched off, so it has no email.
    const off = await api(
      'PATCH',
      `/api/admin/providers/desa-${KAREHKEL.replaceAll('.', '')}`,
      'admin.bogor',
      {
        active: false,
      },
    )
    expect(off.status).toBe(200)
    const first = await api('POST', '/api/verval-desa/links', 'tksk.leuwiliang', {
      program: 'BPNT',
      period: period(),
    })
    expect(first.status).toBe(200)
    const sent = (await first.json()) as { sent: string[]; alreadySent: string[]; withoutEmail: string[] }
    expect(sent.sent).toHaveLength(10)
    expect(sent.sent).toContain(LEUWILIANG)
    expect(sent.withoutEmail).toEqual([KAREHKEL])
    const again = (await (
      await api('POST', '/api/verval-desa/links', 'tksk.leuwiliang', { program: 'BPNT', period: period() })
    ).json()) as typeof sent
    expect(again.sent).toEqual([])
    expect(again.alreadySent).toHaveLength(10)
    // Another kecamatan's TKSK cannot ask Leuwiliang's desa.
    const foreign = await api('POST', '/api/verval-desa/links', 'tksk.ciampea', {
      program: 'BPNT',
      period: period(),
      kecamatan: '32.01.14',
    })
    expect(foreign.status).toBe(403)
  })

  it('shows the desa its upload form on the link, and refuses a row of another desa with its field path', async () => {
    const link = await linkOf(PURASARI)
    const page = await fetch(link)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Hasil musdes Desa Purasari')
    expect(html).toContain(`action="${link.pathname}/musdes"`)
    const rows = [...desaRows(7001, 1, PURASARI), ...desaRows(7002, 1, LEUWILIANG)]
    const refused = await uploadByLink(link, rows)
    expect(refused.status).toBe(400)
    const body = await refused.text()
    expect(body).toContain('rows.3.kode_desa')
    expect(body).toContain(`kode desa ${LEUWILIANG} bukan Desa Purasari`)
    const future = await uploadByLink(link, desaRows(7001, 1, PURASARI), '2999-01-01')
    expect(future.status).toBe(400)
    expect(await future.text()).toContain('Tanggal musyawarah tidak boleh di masa depan.')
  })

  it('refuses a desa XLSX whose NIK cell is a number (its last digit already lost), naming the cell', async () => {
    const link = await linkOf(PURASARI)
    const refused = await postFile(link, await xlsxWithNumberNik(desaRows(7003, 2, PURASARI)), 'musdes.xlsx')
    expect(refused.status).toBe(400)
    const body = await refused.text()
    expect(body).toContain('rows.2.nik')
    expect(body).toContain('rows.3.nik')
    expect(body).toContain('Kolom nik tersimpan sebagai angka')
  })

  it('refuses a desa file too large to keep as one part, naming the limit, and keeps the link open', async () => {
    const link = await linkOf(PURASARI)
    const long = 'x'.repeat(1000)
    const refused = await uploadByLink(
      link,
      desaRows(7010, 450, PURASARI).map((row) => ({ ...row, alamat: long })),
    )
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('paling banyak 300 KB')
    expect((await fetch(link)).status).toBe(200)
  })

  it('takes a desa upload once; the used link then names when it arrived', async () => {
    const link = await linkOf(LEUWILIANG)
    const taken = await uploadByLink(link, desaRows(7101, 3, LEUWILIANG))
    expect(taken.status).toBe(200)
    expect(await taken.text()).toContain('3 baris')
    const second = await uploadByLink(link, desaRows(7101, 3, LEUWILIANG))
    expect(second.status).toBe(409)
    expect(await second.text()).toContain('sudah diunggah pada')
    expect((await fetch(link)).status).toBe(409)
  })

  it('shows the TKSK per desa what arrived and what is missing', async () => {
    const response = await api(
      'GET',
      `/api/verval-desa/parts?program=BPNT&period=${period()}`,
      'tksk.leuwiliang',
    )
    expect(response.status).toBe(200)
    const { items } = (await response.json()) as {
      items: {
        desaCode: string
        state: string
        received?: { rowCount: number; musdesDate: string; uploadedAt: string }
      }[]
    }
    const byCode = new Map(items.map((item) => [item.desaCode, item]))
    expect(items).toHaveLength(11)
    expect(byCode.get(LEUWILIANG)).toMatchObject({
      state: 'RECEIVED',
      received: { rowCount: 3, musdesDate: today() },
    })
    expect(byCode.get(PURASARI)?.state).toBe('WAITING')
    expect(byCode.get(KAREHKEL)?.state).toBe('NO_EMAIL')
  })

  it('lets Dinsos pick the kecamatan on the verval page and see its desa parts', async () => {
    const cookie = `session=${await login(platform.url, 'dinsos.bogor')}`
    const picker = await (await fetch(`${platform.url}/staff/verval`, { headers: { cookie } })).text()
    expect(picker).toContain('Kode kecamatan')
    const page = await fetch(
      `${platform.url}/staff/verval?kecamatan=32.01.14&program=BPNT&period=${period()}`,
      { headers: { cookie } },
    )
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toMatch(/Desa Leuwiliang<\/td>\s*<td>Sudah masuk/)
    expect(html).toContain('Kirim tautan ke desa yang belum dikirimi')
    expect(html).not.toContain('Gabungkan jadi batch')
  })

  it('refuses a composition where the TKSK reports a desa family differently, naming both sources', async () => {
    const [desaFamily] = desaRows(7101, 1, LEUWILIANG)
    const response = await compose([
      ...desaRows(7201, 1, KAREHKEL),
      { ...(desaFamily as SheetRow), aksi: 'UBAH' },
    ])
    expect(response.status).toBe(400)
    const { error } = (await response.json()) as { error: { details: { path: string; message: string }[] } }
    expect(error.details).toHaveLength(2)
    expect(error.details[0]?.path).toBe('rows.3.nik')
    expect(error.details[0]?.message).toContain(`Desa Leuwiliang (musdes ${today()}) baris 2`)
    expect(error.details[0]?.message).toContain('TKSK baris 3 (aksi BARU lawan UBAH)')
    expect(error.details[0]?.message).not.toContain(desaFamily?.nik)
  })

  it('composes the batch from the desa part and the TKSK rows, keeping which rows came from where', async () => {
    const [desaFamily] = desaRows(7101, 1, LEUWILIANG)
    // Karehkel has no email: the TKSK enters its rows; the same row as the desa's is taken once.
    const response = await compose([...desaRows(7201, 2, KAREHKEL), desaFamily as SheetRow])
    expect(response.status).toBe(202)
    const { batchId, sources } = (await response.json()) as {
      batchId: string
      sources: {
        id: string
        label: string
        firstLine?: number
        lastLine?: number
        rows: number
        duplicates: number
      }[]
    }
    expect(sources).toEqual([
      {
        id: LEUWILIANG,
        label: `Desa Leuwiliang (musdes ${today()})`,
        firstLine: 2,
        lastLine: 4,
        rows: 3,
        duplicates: 0,
      },
      { id: 'tksk', label: 'TKSK', firstLine: 5, lastLine: 6, rows: 2, duplicates: 1 },
    ])
    const batch = await driver.waitFor(batchId, ['AWAITING_APPROVAL', 'INVALID'])
    expect(batch).toMatchObject({ status: 'AWAITING_APPROVAL', rows: 5, errorCount: 0 })
    const detail = (await (await driver.call('auditor.bogor', `/api/verval/${batchId}`)).json()) as {
      sources: unknown[]
    }
    expect(detail.sources).toEqual(sources)
    const audited = await driver.auditOf('VERVAL_COMPOSED', batchId)
    expect(audited).toHaveLength(1)
  })

  it('answers an expired desa link with 410', async () => {
    const link = await linkOf(KARYASARI)
    await driver.advance(15 * 24 * 3600)
    const response = await fetch(link)
    expect(response.status).toBe(410)
    expect(await response.text()).toContain('sudah tidak berlaku')
  })
})
