/**
 * The lines of an XLSX's first sheet, streamed: the central directory is checked for a
 * bomb first, then the sheet is inflated and parsed chunk by chunk, so a caller that
 * stops at its row cap never holds more than a chunk of the sheet.
 */
import type { SpreadsheetLimits } from './limits'
import type { SheetLine } from './sheet-line'
import { findXlsxParts, readSharedStrings } from './xlsx-parts'
import { parseXml } from './xml-stream'
import { assertNoBomb, readZipDirectory } from './zip-directory'
import { entryChunks } from './zip-entry'

/** `C12` → 2; the column letters of a cell reference, 0-based. */
const columnOf = (reference: string | undefined): number | undefined => {
  const letters = /^[A-Z]+/.exec(reference ?? '')?.[0]
  if (!letters) return undefined
  return [...letters].reduce((index, letter) => index * 26 + letter.charCodeAt(0) - 64, 0) - 1
}

interface OpenCell {
  column: number
  type: string
  value: string
  collecting: boolean
}

const cellText = (cell: OpenCell, strings: readonly string[]): string => {
  switch (cell.type) {
    case 's':
      return strings[Number(cell.value)] ?? ''
    case 'b':
      return cell.value === '1' ? 'TRUE' : 'FALSE'
    default:
      return cell.value
  }
}

export async function* xlsxLines(
  archive: Buffer,
  limits: Pick<SpreadsheetLimits, 'maxUncompressedBytes' | 'maxRatio' | 'maxColumns'>,
): AsyncGenerator<SheetLine> {
  const directory = readZipDirectory(archive)
  assertNoBomb(directory, limits)
  const entries = new Map(directory.map((entry) => [entry.name, entry]))
  const parts = await findXlsxParts(archive, entries)
  const strings = await readSharedStrings(archive, parts.sharedStrings)

  const ready: SheetLine[] = []
  let line = 0
  let cells: string[] = []
  let numberColumns: number[] = []
  let nextColumn = 0
  let cell: OpenCell | undefined
  const parsing = parseXml(entryChunks(archive, parts.sheet), {
    open: (name, attributes) => {
      if (name === 'row') {
        line = Number(attributes.r) > 0 ? Number(attributes.r) : line + 1
        cells = []
        numberColumns = []
        nextColumn = 0
      } else if (name === 'c') {
        const column = columnOf(attributes.r) ?? nextColumn
        nextColumn = column + 1
        cell = { column, type: attributes.t ?? 'n', value: '', collecting: false }
      } else if (cell && (name === 'v' || name === 't')) cell.collecting = true
      else if (cell && name === 'rPh') cell.collecting = false
    },
    close: (name) => {
      if (name === 'c' && cell) {
        if (cell.column < limits.maxColumns) {
          while (cells.length < cell.column) cells.push('')
          cells[cell.column] = cellText(cell, strings)
          if (cell.type === 'n' && cell.value !== '') numberColumns.push(cell.column)
        }
        cell = undefined
      } else if (cell && (name === 'v' || name === 't')) cell.collecting = false
      else if (name === 'row') ready.push({ line, cells, numberColumns })
    },
    text: (text) => {
      if (cell?.collecting) cell.value += text
    },
  })
  for await (const _ of parsing) yield* ready.splice(0)
}
