import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { SpreadsheetFileError } from '../../../../functions/core/spreadsheet/spreadsheet-error'
import { VERVAL_COLUMNS } from '../../../../functions/core/verval/columns'
import { readVervalFile } from '../../../../functions/core/verval/read-verval-file'
import { rowErrors } from '../../../../functions/core/verval/row-rules'
import { templateXlsx } from '../../../../functions/web/verval-templates'
import { BLANK_CHAIN } from './fixtures'

const HEADER = VERVAL_COLUMNS.join(',')
const LINE =
  '3201144507800001,3201140101100001,Siti Aminah,"Kp. Cibeber, RT 02",32.01.14.2001,BARU,,1234567890123456'
const csv = (text: string) => Buffer.from(text, 'utf8')
const parseVervalCsv = (bytes: Buffer) => readVervalFile(bytes, 'csv')
const parseVervalXlsx = (bytes: Buffer) => readVervalFile(bytes, 'xlsx')

const problem = async (promise: Promise<unknown>) => {
  const error = await promise.catch((e: unknown) => e)
  expect(error).toBeInstanceOf(SpreadsheetFileError)
  return (error as SpreadsheetFileError).code
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
    // Parsing 20,001 rows takes under a second on a quiet machine; a loaded one passed 5 s.
  }, 30_000)

  it('a ;-separated CSV as Excel writes it in an Indonesian locale is read, not refused for its header', async () => {
    const text = `\ufeff${VERVAL_COLUMNS.join(';')}\r\n${LINE.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ';')}\r\n`
    const [row] = await parseVervalCsv(csv(text))
    expect(row).toMatchObject({
      nik: '3201144507800001',
      alamat: 'Kp. Cibeber, RT 02',
      no_kks: '1234567890123456',
    })
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
        ...BLANK_CHAIN,
      },
    ])
  })

  it('NIK, KK and KKS cells stored as numbers (15 digits kept, the last one lost) are row errors telling the TKSK to format the column as text', async () => {
    // What Excel and LibreOffice keep of a typed 16-digit number: 15 significant digits.
    const bytes = await workbook([
      [...VERVAL_COLUMNS],
      [3201144507800000, 3201140101100000, 'Siti', '', '32.01.14.2001', 'BARU', '', 1234567890123450],
    ])
    const [row] = await parseVervalXlsx(bytes)
    if (!row) throw new Error('the row was not read')
    expect(row.numberColumns).toEqual(['nik', 'no_kk', 'no_kks'])
    const errors = rowErrors(row, {
      kecamatan: '32.01.14',
      program: 'BPNT',
      isProvince: () => true,
      isKecamatan: () => true,
      isVillage: () => true,
    })
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['nik', 'NUMBER_CELL'],
      ['no_kk', 'NUMBER_CELL'],
      ['no_kks', 'NUMBER_CELL'],
    ])
    expect(errors[0]?.message).toContain('Format kolom nik sebagai Teks')
  })

  it('a template downloaded and filled in as the TKSK types it has no number cells in its identity columns', async () => {
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await templateXlsx()) as never)
    book.worksheets[0]?.addRow([
      '3201144507800001',
      '3201140101100001',
      'Siti',
      '',
      '32.01.14.2001',
      'BARU',
      '',
      '',
    ])
    const [row] = await parseVervalXlsx(Buffer.from(await book.xlsx.writeBuffer()))
    expect(row).toMatchObject({ nik: '3201144507800001', no_kk: '3201140101100001' })
    expect(row?.numberColumns).toBeUndefined()
  })

  it('a workbook that is not XLSX is refused', async () => {
    expect(await problem(parseVervalXlsx(Buffer.from('not a zip')))).toBe('MALFORMED')
  })
})
