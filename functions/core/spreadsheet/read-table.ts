/**
 * From the lines of a sheet to its data lines: blank lines skipped, the header checked
 * by the caller's rule, the row cap enforced while reading (the reader stops at the
 * first line past it, so a huge file is refused without being read whole).
 */
import { DEFAULT_LIMITS } from './limits'
import { isBlankLine, type SheetLine } from './sheet-line'
import { SpreadsheetFileError } from './spreadsheet-error'

export interface TableOptions {
  /** Why the header is not the expected one, in words; `undefined` when it is. */
  headerProblem: (header: readonly string[]) => string | undefined
  maxRows?: number
}

const EMPTY_FILE_MESSAGE = 'Berkas kosong: tidak ada baris judul dan data.'
const NO_ROWS_MESSAGE = 'Berkas tidak berisi baris data di bawah baris judul.'

export const readTable = async (
  lines: AsyncIterable<SheetLine>,
  { headerProblem, maxRows = DEFAULT_LIMITS.maxRows }: TableOptions,
): Promise<SheetLine[]> => {
  let headerSeen = false
  const rows: SheetLine[] = []
  for await (const line of lines) {
    if (isBlankLine(line.cells)) continue
    if (!headerSeen) {
      const problem = headerProblem(line.cells)
      if (problem) throw new SpreadsheetFileError('HEADER', problem)
      headerSeen = true
      continue
    }
    if (rows.length === maxRows)
      throw new SpreadsheetFileError('TOO_MANY_ROWS', `Berkas melebihi ${maxRows} baris data.`)
    rows.push(line)
  }
  if (!headerSeen) throw new SpreadsheetFileError('EMPTY', EMPTY_FILE_MESSAGE)
  if (rows.length === 0) throw new SpreadsheetFileError('EMPTY', NO_ROWS_MESSAGE)
  return rows
}
