/**
 * From the cells of a sheet (CSV records or XLSX rows, each with its spreadsheet line)
 * to verval rows: the header checked, blank lines skipped, the row limit enforced while
 * reading so a huge file is refused without being held whole.
 */
import { headerProblem, MAX_VERVAL_ROWS } from './columns'
import { VervalFileError } from './file-problem'
import { isBlankRow, rowFromCells, type VervalRow } from './verval-row'

export interface SheetLine {
  line: number
  cells: readonly (string | undefined)[]
}

export const EMPTY_FILE_MESSAGE = 'Berkas kosong: tidak ada baris judul dan data.'
export const NO_ROWS_MESSAGE = 'Berkas tidak berisi baris data di bawah baris judul.'

export const readRows = async (
  lines: AsyncIterable<SheetLine> | Iterable<SheetLine>,
): Promise<VervalRow[]> => {
  let headerSeen = false
  const rows: VervalRow[] = []
  for await (const { line, cells } of lines) {
    if (!headerSeen) {
      if (isBlankRow(cells)) continue
      const problem = headerProblem(cells.map((cell) => cell ?? ''))
      if (problem) throw new VervalFileError('HEADER', problem)
      headerSeen = true
      continue
    }
    if (isBlankRow(cells)) continue
    if (rows.length === MAX_VERVAL_ROWS)
      throw new VervalFileError('TOO_MANY_ROWS', `Berkas melebihi ${MAX_VERVAL_ROWS} baris data.`)
    rows.push(rowFromCells(line, cells))
  }
  if (!headerSeen) throw new VervalFileError('EMPTY', EMPTY_FILE_MESSAGE)
  if (rows.length === 0) throw new VervalFileError('EMPTY', NO_ROWS_MESSAGE)
  return rows
}
