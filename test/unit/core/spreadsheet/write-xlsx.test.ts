/**
 * The XLSX the functions write (template and error report) opens in a spreadsheet library
 * as Excel would read it: bold header, widths, text-formatted identity columns, a frozen
 * header, every cell a plain value.
 */
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { writeXlsx } from '../../../../functions/core/spreadsheet/write-xlsx'
import { errorReportXlsx } from '../../../../functions/core/verval/error-report'
import { TEXT_COLUMNS, VERVAL_COLUMNS } from '../../../../functions/core/verval/columns'
import { templateXlsx } from '../../../../functions/web/verval-templates'

const open = async (bytes: Buffer) => {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as never)
  const sheet = book.worksheets[0]
  if (!sheet) throw new Error('no sheet')
  return sheet
}

describe('a written XLSX', () => {
  it('is the verval template: the header in bold, identity columns formatted as text', async () => {
    const sheet = await open(await templateXlsx())
    expect(sheet.name).toBe('Verval')
    expect(sheet.getRow(1).values).toEqual([undefined, ...VERVAL_COLUMNS])
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true)
    VERVAL_COLUMNS.forEach((column, index) => {
      const expected = TEXT_COLUMNS.includes(column) ? '@' : undefined
      expect(sheet.getColumn(index + 1).numFmt, column).toBe(expected)
    })
    expect(sheet.getColumn(1).width).toBe(20)
  })

  it('is the error report: one row per error, the header frozen', async () => {
    const sheet = await open(
      await errorReportXlsx([
        { row: 2, field: 'nik', code: 'NIK_FORMAT', message: 'NIK harus 16 digit' },
        { row: 7, field: 'nama', code: 'REQUIRED', message: 'Nama wajib diisi' },
      ]),
    )
    expect(sheet.name).toBe('Kesalahan')
    expect(sheet.getRow(2).values).toEqual([undefined, 2, 'nik', 'NIK_FORMAT', 'NIK harus 16 digit'])
    expect(sheet.getRow(3).values).toEqual([undefined, 7, 'nama', 'REQUIRED', 'Nama wajib diisi'])
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
  })

  it('keeps markup, formulas and leading zeros as the plain text they are', async () => {
    const sheet = await open(
      writeXlsx({
        name: 'A & <B>',
        columns: [{ header: 'x', width: 10, text: true }],
        rows: [['=HYPERLINK("http://x")'], ['<b>&amp;</b>'], ['0012']],
      }),
    )
    expect(sheet.name).toBe('A & <B>')
    expect(sheet.getCell('A2').value).toBe('=HYPERLINK("http://x")')
    expect(sheet.getCell('A2').formula).toBeUndefined()
    expect(sheet.getCell('A3').value).toBe('<b>&amp;</b>')
    expect(sheet.getCell('A4').value).toBe('0012')
  })
})
