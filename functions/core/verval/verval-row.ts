/**
 * One data row of a verval file, with its spreadsheet line. Values are kept as the text
 * the sheet holds (trimmed), so the rules can say exactly what was wrong with them.
 */
import { VERVAL_COLUMNS, type VervalColumn } from './columns'

export type VervalRow = { line: number } & Record<VervalColumn, string> & {
    /** Columns whose cell the XLSX stored as a number (absent when none was). */
    numberColumns?: VervalColumn[]
  }

/** A parsed row from its cells in template order; missing cells are empty. */
export const rowFromCells = (line: number, cells: readonly (string | undefined)[]): VervalRow => {
  const row = { line } as VervalRow
  VERVAL_COLUMNS.forEach((column, index) => {
    row[column] = (cells[index] ?? '').trim()
  })
  return row
}
