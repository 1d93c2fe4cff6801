/**
 * The lines of a CSV (or tab-separated "Unicode text") upload, parsed as a stream by
 * csv-parse. The separator is the header line's: `,` by default, `;` as Excel writes in
 * an Indonesian locale, a tab in Unicode text. The line of a record is its ordinal, as
 * a spreadsheet program numbers rows: a quoted cell spanning lines stays one row, and a
 * blank line is an (empty) row.
 */
import { Readable } from 'node:stream'
import { parse, type CsvError } from 'csv-parse'
import type { SheetLine } from './sheet-line'
import { SpreadsheetFileError } from './spreadsheet-error'
import { decodeCsvText } from './text-encoding'

const SEPARATORS = [',', ';', '\t'] as const
export type Separator = (typeof SEPARATORS)[number]

/** The separator used most often in the first line outside quotes; `,` when none is. */
export const separatorOf = (text: string): Separator => {
  const counts = new Map<Separator, number>()
  let quoted = false
  for (const char of text) {
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) break
    else if (!quoted && (SEPARATORS as readonly string[]).includes(char))
      counts.set(char as Separator, (counts.get(char as Separator) ?? 0) + 1)
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ','
}

// csv-parse's own messages quote the offending field; these say what to fix instead.
const problemOf = (error: CsvError): string => {
  const where = error.lines ? ` di baris ${error.lines}` : ''
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return `Tanda kutip (") tidak ditutup${where}.`
  if (error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') return `Jumlah kolom tidak sesuai${where}.`
  return `Tanda kutip (") tidak pada tempatnya${where}: kutip hanya boleh mengapit seluruh isi sel.`
}

export async function* csvLines(bytes: Buffer): AsyncGenerator<SheetLine> {
  const text = decodeCsvText(bytes)
  const parser = Readable.from([text]).pipe(
    parse({ delimiter: separatorOf(text), bom: true, relax_column_count: true, skip_empty_lines: false }),
  )
  let line = 0
  try {
    for await (const record of parser as AsyncIterable<string[]>)
      yield { line: ++line, cells: record, numberColumns: [] }
  } catch (error) {
    if (error instanceof SpreadsheetFileError) throw error
    throw new SpreadsheetFileError(
      'MALFORMED',
      `Berkas CSV tidak dapat dibaca. ${problemOf(error as CsvError)}`,
    )
  } finally {
    parser.destroy()
  }
}
