/**
 * The error report of a batch as the TKSK downloads it to fix the sheet: CSV (UTF-8
 * with BOM, so Excel reads the Indonesian text right, formula-safe cells) or XLSX (one
 * sheet; every cell a plain value, so nothing in it is ever read as a formula).
 */
import ExcelJS from 'exceljs'
import { CSV_BOM, csvCell } from '../audit/audit-csv'
import type { RowError } from './row-error'

export const ERROR_REPORT_COLUMNS = ['baris', 'kolom', 'kode', 'pesan'] as const

export const errorReportCsv = (errors: readonly RowError[]): string =>
  CSV_BOM +
  [
    ERROR_REPORT_COLUMNS.join(','),
    ...errors.map((e) => [String(e.row), e.field, e.code, e.message].map((cell) => csvCell(cell)).join(',')),
  ].join('\r\n') +
  '\r\n'

export const errorReportXlsx = async (errors: readonly RowError[]): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Kesalahan')
  sheet.columns = [
    { header: 'baris', key: 'row', width: 8 },
    { header: 'kolom', key: 'field', width: 12 },
    { header: 'kode', key: 'code', width: 28 },
    { header: 'pesan', key: 'message', width: 70 },
  ]
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  for (const { row, field, code, message } of errors) sheet.addRow({ row, field, code, message })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
