/**
 * A verval file (DESIGN §4 "Verval file") read through the shared spreadsheet reader:
 * the template's header, at most 20,000 data rows, each line as a verval row that
 * remembers which of its cells the XLSX stored as numbers (a row error for NIK, KK and
 * KKS: see `row-rules.ts`).
 */
import { readSpreadsheet, type SpreadsheetFormat } from '../spreadsheet/read-spreadsheet'
import type { SheetLine } from '../spreadsheet/sheet-line'
import { headerProblem, MAX_VERVAL_ROWS, VERVAL_COLUMNS, type VervalColumn } from './columns'
import { rowFromCells, type VervalRow } from './verval-row'

const rowOf = ({ line, cells, numberColumns }: SheetLine): VervalRow => {
  const row = rowFromCells(line, cells)
  const numbers = numberColumns
    .map((index) => VERVAL_COLUMNS[index])
    .filter((column): column is VervalColumn => column !== undefined)
  return numbers.length > 0 ? { ...row, numberColumns: numbers } : row
}

export const readVervalFile = async (bytes: Buffer, format: SpreadsheetFormat): Promise<VervalRow[]> =>
  (await readSpreadsheet(bytes, format, { headerProblem, maxRows: MAX_VERVAL_ROWS })).map(rowOf)
