/**
 * Files as TKSK really make them and as an attacker would, uploaded through the API:
 * written by a real spreadsheet library (exceljs) or crafted byte by byte.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { XLSX_TYPE } from '../../../functions/core/spreadsheet/read-spreadsheet'
import { VERVAL_COLUMNS } from '../../../functions/core/verval/columns'
import { startTestPlatform, type TestPlatform } from '../../support/platform'
import { craftXlsx } from '../../support/zip'
import { createVervalDriver, csvOf, family } from './verval-driver'

let platform: TestPlatform
const driver = createVervalDriver(() => platform.url)

beforeAll(async () => {
  platform = await startTestPlatform()
}, 60_000)
afterAll(() => platform?.dispose())

const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string; details: { path: string }[] } }).error

describe('hostile and real-world verval files through the API', () => {
  it('a 0-byte upload is 400 and an upload of 5 MiB + 1 byte is 413, both in the contract shape', async () => {
    const empty = await driver.upload('tksk.leuwiliang', Buffer.alloc(0))
    expect(empty.status).toBe(400)
    expect((await errorOf(empty)).details[0]?.path).toBe('file')
    const big = await driver.upload('tksk.leuwiliang', Buffer.alloc(5 * 1024 * 1024 + 1, 'a'))
    expect(big.status).toBe(413)
    expect((await errorOf(big)).code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('an XLSX zip bomb is refused with 400 in words, and the platform keeps answering', async () => {
    const bomb = craftXlsx({ content: Buffer.alloc(30 * 1000 * 1000, ' ') })
    const response = await driver.upload('tksk.leuwiliang', bomb, undefined, XLSX_TYPE)
    expect(response.status).toBe(400)
    expect((await errorOf(response)).message).toContain('Berkas Excel ditolak')
    expect((await fetch(`${platform.url}/api/health`)).status).toBe(200)
  })

  it('an XLSX whose NIK, KK and KKS cells are numbers rounded to 15 digits registers nobody: each is a row error asking for a text column', async () => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('Verval')
    sheet.addRow([...VERVAL_COLUMNS])
    const row = family(501)
    // What Excel keeps of a typed 16-digit number: the last digit becomes 0.
    const rounded = (digits: string) => Number(`${digits.slice(0, 15)}0`)
    sheet.addRow([
      rounded(row.nik),
      rounded(row.no_kk),
      row.nama,
      row.alamat,
      row.kode_desa,
      'BARU',
      '',
      rounded(row.no_kks ?? ''),
    ])
    const response = await driver.upload(
      'tksk.leuwiliang',
      Buffer.from(await book.xlsx.writeBuffer()),
      undefined,
      XLSX_TYPE,
    )
    expect(response.status).toBe(202)
    const { batchId } = (await response.json()) as { batchId: string }
    expect((await driver.waitFor(batchId, ['INVALID', 'AWAITING_APPROVAL'])).status).toBe('INVALID')
    const errors = await driver.errors(batchId)
    expect(errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual([
      '2:nik:NUMBER_CELL',
      '2:no_kk:NUMBER_CELL',
      '2:no_kks:NUMBER_CELL',
    ])
    expect(errors[0]?.message).toContain('sebagai Teks')
  })

  it('a ;-separated CSV with BOM and CRLF (Excel in an Indonesian locale) and a UTF-16 tab-separated Unicode Text export are both accepted', async () => {
    const comma = csvOf([family(601)])
      .trimEnd()
      .split('\n')
    const semicolon = `\ufeff${comma.map((line) => line.replaceAll(',', ';')).join('\r\n')}\r\n`
    expect((await driver.upload('tksk.ciampea', Buffer.from(semicolon, 'utf8'))).status).toBe(202)
    // Sent as text, the BOM (not valid UTF-8) would not survive a text-only gateway hop;
    // the export is read from its header's NUL bytes all the same.
    const unicodeText = Buffer.from(csvOf([family(602)]).replaceAll(',', '\t'), 'utf16le')
    const response = await driver.upload('tksk.leuwiliang', unicodeText, undefined, 'text/plain')
    expect(response.status).toBe(202)
  })

  it('a binary file sent as CSV is refused with 400 in words, none of its NUL bytes in the answer', async () => {
    const binary = Buffer.concat([Buffer.from('nik,no_kk\n'), Buffer.from([0, 0, 0, 7, 0x1b])])
    const response = await driver.upload('tksk.leuwiliang', binary)
    expect(response.status).toBe(400)
    const text = await response.text()
    expect(text).toContain('bukan CSV teks')
    expect(text).not.toContain('\u0000')
    expect(text).not.toMatch(/\p{Cc}/u)
  })
})
