import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { VERVAL_COLUMNS } from '../../../../functions/core/verval/columns'
import { VervalFileError } from '../../../../functions/core/verval/file-problem'
import { parseVervalCsv } from '../../../../functions/core/verval/parse-csv'
import { parseVervalXlsx } from '../../../../functions/core/verval/parse-xlsx'

const HEADER = VERVAL_COLUMNS.join(',')
const LINE =
  '3201144507800001,3201140101100001,Siti Aminah,"Kp. Cibeber, RT 02",32.01.14.2001,BARU,,1234567890123456'
const csv = (text: string) => Buffer.from(text, 'utf8')

const problem = async (promise: Promise<unknown>) => {
  const error = await promise.catch((e: unknown) => e)
  expect(error).toBeInstanceOf(VervalFileError)
  return (error as VervalFileError).code
}

describe('reading a verval CSV', () => {
  it('reads UTF-8 with a BOM and without, quoted commas kept in the cell', async () => {
    for (const text of [`${HEADER}\n${LINE}\n`, `\ufeff${HEADER}\r\n${LINE}\r\n`]) {
      const [row] = await parseVervalCsv(csv(text))
      expect(row).toMatchObject({
        line: 2,
        nik: '3201144507800001',
        alamat: 'Kp. Cibeber, RT 02',
        aksi: 'BARU',
      })
    }
  })

  it('numbers rows as the spreadsheet does: header is line 1, blank lines count', async () => {
    const rows = await parseVervalCsv(csv(`${HEADER}\n${LINE}\n\n${LINE}\n`))
    expect(rows.map((r) => r.line)).toEqual([2, 4])
  })

  it('an empty file, a header alone, a wrong header and a non-UTF-8 file are refused', async () => {
    expect(await problem(parseVervalCsv(csv('')))).toBe('EMPTY')
    expect(await problem(parseVervalCsv(csv(`${HEADER}\n`)))).toBe('EMPTY')
    expect(await problem(parseVervalCsv(csv(`nik,nama\n${LINE}\n`)))).toBe('HEADER')
    expect(await problem(parseVervalCsv(Buffer.from([0x6e, 0x69, 0x6b, 0xff, 0xfe, 0x0a])))).toBe('ENCODING')
  })

  it('more than 20,000 data rows are refused', async () => {
    const text = `${HEADER}\n${`${LINE}\n`.repeat(20_001)}`
    expect(await problem(parseVervalCsv(csv(text)))).toBe('TOO_MANY_ROWS')
  })
})

describe('reading a verval XLSX', () => {
  const workbook = async (rows: unknown[][]) => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('Verval')
    for (const row of rows) sheet.addRow(row)
    book.addWorksheet('Catatan').addRow(['ignored'])
    return Buffer.from(await book.xlsx.writeBuffer())
  }

  it('reads the first sheet, NIK and KK as text', async () => {
    const bytes = await workbook([
      [...VERVAL_COLUMNS],
      [
        '3201144507800001',
        '3201140101100001',
        'Siti',
        'Kp. Cibeber',
        '32.01.14.2001',
        'BARU',
        '',
        '1234567890123456',
      ],
    ])
    expect(await parseVervalXlsx(bytes)).toEqual([
      {
        line: 2,
        nik: '3201144507800001',
        no_kk: '3201140101100001',
        nama: 'Siti',
        alamat: 'Kp. Cibeber',
        kode_desa: '32.01.14.2001',
        aksi: 'BARU',
        alasan: '',
        no_kks: '1234567890123456',
      },
    ])
  })

  it('a NIK typed as a number keeps its digits while they are exact, and fails the format check otherwise', async () => {
    const bytes = await workbook([
      [...VERVAL_COLUMNS],
      [3201144507800001, 3201140101100001, 'Siti', '', '32.01.14.2001', 'BARU', '', ''],
      [Number('9201144507800001'), 3201140101100002, 'Ani', '', '32.01.14.2001', 'BARU', '', ''],
    ])
    const [first, second] = await parseVervalXlsx(bytes)
    expect(first?.nik).toBe('3201144507800001')
    expect(second?.nik).not.toMatch(/^\d{16}$/)
  })

  it('a workbook that is not XLSX is refused', async () => {
    expect(await problem(parseVervalXlsx(Buffer.from('not a zip')))).toBe('MALFORMED')
  })
})
