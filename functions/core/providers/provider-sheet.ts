/**
 * The provider spreadsheet an office keeps (issue 13 "import providers"): a header row
 * naming the columns below (any order, any case), one provider per line; `layanan` and
 * `wilayah` hold codes separated by spaces (a kabupaten lists its desa SKTM providers
 * this way, one row per desa). CSV or XLSX; rows keep their spreadsheet line for the
 * error report.
 */
import { readSpreadsheet, type SpreadsheetFormat } from '../spreadsheet/read-spreadsheet'
import { MAX_PROVIDER_ROWS } from './provider-file'

export const PROVIDER_COLUMNS = ['nama', 'jenis', 'email', 'telepon', 'layanan', 'wilayah'] as const
export type ProviderColumn = (typeof PROVIDER_COLUMNS)[number]

export interface ProviderSheetRow {
  line: number
  cells: Readonly<Record<ProviderColumn, string>>
}

const list = (cell: string): string[] => cell.split(/[\s|]+/).filter(Boolean)

const missingColumns = (header: readonly string[]): ProviderColumn[] =>
  PROVIDER_COLUMNS.filter((column) => !header.includes(column))

/**
 * The data rows of a provider file, CSV or XLSX, through the one spreadsheet reader of
 * every upload (its encodings, `;` CSVs and hostile-file limits). A file that cannot be
 * read, or whose header lacks a column, throws `SpreadsheetFileError` (a 400 as a whole).
 */
export const readProviderSheet = async (
  bytes: Buffer,
  format: SpreadsheetFormat,
): Promise<ProviderSheetRow[]> => {
  let names: string[] = []
  const lines = await readSpreadsheet(bytes, format, {
    headerProblem: (header) => {
      names = header.map((cell) => cell.trim().toLowerCase())
      const missing = missingColumns(names)
      return missing.length > 0 ? `Baris judul tidak memuat kolom: ${missing.join(', ')}.` : undefined
    },
    maxRows: MAX_PROVIDER_ROWS,
  })
  return lines.map(({ line, cells }) => ({
    line,
    cells: Object.fromEntries(
      PROVIDER_COLUMNS.map((column) => [column, (cells[names.indexOf(column)] ?? '').trim()]),
    ) as Record<ProviderColumn, string>,
  }))
}

/** A row as the create schema's input. */
export const providerInputOf = ({ cells }: ProviderSheetRow) => ({
  name: cells.nama,
  kind: cells.jenis.toUpperCase(),
  email: cells.email,
  ...(cells.telepon ? { phone: cells.telepon } : {}),
  services: list(cells.layanan.toUpperCase()),
  areas: list(cells.wilayah),
})

const COLUMN_OF: Readonly<Record<string, ProviderColumn>> = {
  name: 'nama',
  kind: 'jenis',
  email: 'email',
  phone: 'telepon',
  services: 'layanan',
  areas: 'wilayah',
}

/** `rows.<line>.<column>`: where in the spreadsheet an input path's problem is. */
export const sheetPath = (line: number, inputPath: string): string =>
  `rows.${line}.${COLUMN_OF[inputPath.split('.')[0] ?? ''] ?? inputPath}`
