/**
 * XLSX verval files (DESIGN §4): the first sheet, same columns as the CSV. NIK, KK and
 * KKS are read as text: a cell typed as a number keeps its digits only while it is a
 * safe integer, otherwise it reads as written in exponent form and fails the 16-digit
 * check instead of silently becoming another person's number.
 */
import ExcelJS from 'exceljs'
import { VERVAL_COLUMNS } from './columns'
import { VervalFileError } from './file-problem'
import { readRows, type SheetLine } from './read-rows'
import type { VervalRow } from './verval-row'

const cellText = (cell: ExcelJS.Cell): string => {
  const value = cell.value
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : value.toExponential()
  if (typeof value === 'string') return value
  return cell.text
}

function* sheetLines(sheet: ExcelJS.Worksheet): Generator<SheetLine> {
  for (let line = 1; line <= sheet.rowCount; line++) {
    const row = sheet.getRow(line)
    yield { line, cells: VERVAL_COLUMNS.map((_, index) => cellText(row.getCell(index + 1))) }
  }
}

export const parseVervalXlsx = async (bytes: Buffer): Promise<VervalRow[]> => {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw new VervalFileError('MALFORMED', 'Berkas Excel (.xlsx) tidak dapat dibaca.')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new VervalFileError('EMPTY', 'Berkas Excel tidak berisi lembar kerja.')
  return readRows(sheetLines(sheet))
}
