/**
 * The error report of a batch as the TKSK downloads it to fix the sheet: CSV (UTF-8
 * with BOM, so Excel reads the Indonesian text right, formula-safe cells) or XLSX (one
 * sheet; every cell a plain value, so nothing in it is ever read as a formula).
 */
import { CSV_BOM, csvCell } from '../audit/audit-csv'
import { writeXlsx } from '../spreadsheet/write-xlsx'
import type { RowError } from './row-error'

export const ERROR_REPORT_COLUMNS = ['baris', 'kolom', 'kode', 'pesan'] as const

export const errorReportCsv = (errors: readonly RowError[]): string =>
  CSV_BOM +
  [
    ERROR_REPORT_COLUMNS.join(','),
    ...errors.map((e) => [String(e.row), e.field, e.code, e.message].map((cell) => csvCell(cell)).join(',')),
  ].join('\r\n') +
  '\r\n'

export const errorReportXlsx = async (errors: readonly RowError[]): Promise<Buffer> =>
  writeXlsx({
    name: 'Kesalahan',
    columns: [
      { header: 'baris', width: 8 },
      { header: 'kolom', width: 12 },
      { header: 'kode', width: 28 },
      { header: 'pesan', width: 70 },
    ],
    rows: errors.map(({ row, field, code, message }) => [row, field, code, message]),
    freezeHeader: true,
  })
