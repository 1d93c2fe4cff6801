/**
 * The staff spreadsheet a Dinsos keeps (issue 13 import): a header row naming the
 * columns below (any order, any case), one person per line. Blank lines are skipped;
 * every row keeps its spreadsheet line so errors point where the admin looks.
 */
import { readSpreadsheet, type SpreadsheetFormat } from '../spreadsheet/read-spreadsheet'

export const STAFF_COLUMNS = [
  'username',
  'nama',
  'email',
  'peran',
  'wilayah',
  'no_sk',
  'awal_tugas',
  'akhir_tugas',
] as const
export type StaffColumn = (typeof STAFF_COLUMNS)[number]

export const MAX_STAFF_ROWS = 2_000

export interface StaffSheetRow {
  line: number
  cells: Readonly<Record<StaffColumn, string>>
}

/** Reads the sheet with the one spreadsheet reader (its limits, a lower row cap), mapping columns by the header. */
export const readStaffSheet = async (bytes: Buffer, format: SpreadsheetFormat): Promise<StaffSheetRow[]> => {
  let columns = new Map<StaffColumn, number>()
  const headerProblem = (header: readonly string[]): string | undefined => {
    const names = header.map((cell) => cell.trim().toLowerCase())
    const missing = STAFF_COLUMNS.filter((column) => !names.includes(column))
    if (missing.length > 0) return `Baris judul tidak memuat kolom: ${missing.join(', ')}.`
    columns = new Map(STAFF_COLUMNS.map((column) => [column, names.indexOf(column)]))
    return undefined
  }
  const lines = await readSpreadsheet(bytes, format, { headerProblem, maxRows: MAX_STAFF_ROWS })
  return lines.map(({ line, cells }) => ({
    line,
    cells: Object.fromEntries(
      STAFF_COLUMNS.map((column) => [column, (cells[columns.get(column) ?? -1] ?? '').trim()]),
    ) as Record<StaffColumn, string>,
  }))
}

/** A row as the create schema's input (blank term cells: no term). */
export const staffInputOf = ({ cells }: StaffSheetRow) => ({
  username: cells.username,
  name: cells.nama,
  email: cells.email,
  role: cells.peran.toLowerCase(),
  area: cells.wilayah,
  ...(cells.no_sk || cells.awal_tugas || cells.akhir_tugas
    ? { term: { skNumber: cells.no_sk, start: cells.awal_tugas, end: cells.akhir_tugas } }
    : {}),
})

/** The sheet column behind an input path, for the error of a row. */
export const columnOf = (path: string): string =>
  ({
    username: 'username',
    name: 'nama',
    email: 'email',
    role: 'peran',
    area: 'wilayah',
    term: 'no_sk',
    'term.skNumber': 'no_sk',
    'term.start': 'awal_tugas',
    'term.end': 'akhir_tugas',
  })[path] ?? path
