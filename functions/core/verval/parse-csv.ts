/**
 * CSV verval files (DESIGN §4): UTF-8 with or without BOM, comma-separated, parsed as a
 * stream by csv-parse (no hand-written parser). The spreadsheet line of a record is the
 * physical line it starts on, as Excel numbers it when it opens the file.
 */
import { Readable } from 'node:stream'
import { parse } from 'csv-parse'
import { VervalFileError } from './file-problem'
import { readRows, type SheetLine } from './read-rows'
import type { VervalRow } from './verval-row'

const utf8 = new TextDecoder('utf-8', { fatal: true })

const assertUtf8 = (bytes: Buffer): void => {
  try {
    utf8.decode(bytes)
  } catch {
    throw new VervalFileError('ENCODING', 'Berkas CSV harus berenkode UTF-8.')
  }
}

// csv-parse reports the line a record ends on; a quoted cell may span lines.
const newlinesIn = (record: readonly string[]): number =>
  record.reduce((count, cell) => count + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0)

async function* csvLines(bytes: Buffer): AsyncGenerator<SheetLine> {
  const parser = Readable.from([bytes]).pipe(
    parse({ bom: true, relax_column_count: true, info: true, skip_empty_lines: false }),
  )
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[]
      info: { lines: number }
    }>) {
      yield { line: info.lines - newlinesIn(record), cells: record }
    }
  } catch (error) {
    if (error instanceof VervalFileError) throw error
    throw new VervalFileError('MALFORMED', `Berkas CSV tidak dapat dibaca: ${(error as Error).message}`)
  }
}

export const parseVervalCsv = async (bytes: Buffer): Promise<VervalRow[]> => {
  assertUtf8(bytes)
  return readRows(csvLines(bytes))
}
