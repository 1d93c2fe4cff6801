/**
 * The one way an uploaded spreadsheet is read (verval files, the staff import): CSV or
 * XLSX by content type, every hostile-file rule of issue 18 applied, the data lines
 * below a checked header returned. Usage:
 *
 *   const format = spreadsheetFormatOf(contentType)   // undefined → 415
 *   const rows = await readSpreadsheet(bytes, format, { headerProblem })
 *
 * Errors are `SpreadsheetFileError`s whose message can be shown as is (400).
 */
import { csvLines } from './csv-lines'
import { DEFAULT_LIMITS, type SpreadsheetLimits } from './limits'
import { readTable, type TableOptions } from './read-table'
import type { SheetLine } from './sheet-line'
import { SpreadsheetFileError } from './spreadsheet-error'
import { xlsxLines } from './xlsx-lines'

export type SpreadsheetFormat = 'csv' | 'xlsx'

export const CSV_TYPE = 'text/csv'
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
// Excel's "Unicode Text" is tab-separated UTF-16 and arrives as text/plain or text/tab-separated-values.
const FORMATS: Readonly<Record<string, SpreadsheetFormat>> = {
  [CSV_TYPE]: 'csv',
  'text/tab-separated-values': 'csv',
  'text/plain': 'csv',
  [XLSX_TYPE]: 'xlsx',
}

/** The format of an upload from its `Content-Type` (parameters ignored); `undefined` → 415. */
export const spreadsheetFormatOf = (contentType: string | undefined): SpreadsheetFormat | undefined =>
  FORMATS[(contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '']

/** Every line of the file (header and blank lines included), streamed within the limits. */
export const spreadsheetLines = (
  bytes: Buffer,
  format: SpreadsheetFormat,
  limits: Partial<SpreadsheetLimits> = {},
): AsyncIterable<SheetLine> => {
  if (bytes.byteLength === 0) throw new SpreadsheetFileError('EMPTY', 'Berkas kosong (0 byte).')
  return format === 'csv' ? csvLines(bytes) : xlsxLines(bytes, { ...DEFAULT_LIMITS, ...limits })
}

/** The data lines below the header, the header checked by the caller's rule. */
export const readSpreadsheet = async (
  bytes: Buffer,
  format: SpreadsheetFormat,
  options: TableOptions & { limits?: Partial<SpreadsheetLimits> },
): Promise<SheetLine[]> =>
  await readTable(spreadsheetLines(bytes, format, options.limits), {
    headerProblem: options.headerProblem,
    maxRows: options.maxRows ?? options.limits?.maxRows,
  })
