/** The error report as CSV (UTF-8 with BOM, so Excel reads the Indonesian text right), formula-safe cells. */
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
