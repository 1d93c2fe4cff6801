/**
 * The columns of a verval file (DESIGN §4 "Verval file") and the header check. The
 * header must name exactly these columns in this order, so that a sheet exported from
 * another template is refused before any row is read.
 */
import { MAX_SPREADSHEET_BYTES } from '../spreadsheet/limits'
import { quotable } from '../spreadsheet/spreadsheet-error'

export const VERVAL_COLUMNS = [
  'nik',
  'no_kk',
  'nama',
  'alamat',
  'kode_desa',
  'aksi',
  'alasan',
  'no_kks',
] as const
export type VervalColumn = (typeof VERVAL_COLUMNS)[number]

export const AKSI = ['TETAP', 'BARU', 'UBAH', 'HAPUS'] as const
export type Aksi = (typeof AKSI)[number]

export const ALASAN_HAPUS = ['MENINGGAL', 'PINDAH', 'MAMPU', 'TIDAK_MEMENUHI_SYARAT', 'DUPLIKAT'] as const
export type AlasanHapus = (typeof ALASAN_HAPUS)[number]

/**
 * Columns of identity numbers: 16 digits, which a spreadsheet keeps only as text (as a
 * number it rounds to 15 significant digits). The templates format them as text and a
 * cell stored as a number is a row error.
 */
export const TEXT_COLUMNS: readonly VervalColumn[] = ['nik', 'no_kk', 'no_kks']

/** Largest file (rows after the header) taken in one upload; larger imports go through S3 later. */
export const MAX_VERVAL_ROWS = 20_000
export const MAX_VERVAL_BYTES = MAX_SPREADSHEET_BYTES

// Spreadsheet tools add stray spaces and capitals to headers; neither changes the meaning.
const normalise = (cell: string): string => cell.trim().toLowerCase()

/**
 * Why a header row is not the template's (`undefined` when it is). Names the missing
 * and unexpected columns, which is what a TKSK needs to fix the sheet.
 */
export const headerProblem = (header: readonly string[]): string | undefined => {
  const cells = header.map(normalise)
  while (cells.length > 0 && cells.at(-1) === '') cells.pop()
  if (cells.length === VERVAL_COLUMNS.length && cells.every((cell, index) => cell === VERVAL_COLUMNS[index]))
    return undefined
  const missing = VERVAL_COLUMNS.filter((column) => !cells.includes(column))
  // Quoted back to the TKSK: printable and short, whatever the file held.
  const unexpected = cells
    .filter((cell) => !(VERVAL_COLUMNS as readonly string[]).includes(cell))
    .map((cell) => quotable(cell))
    .filter((cell) => cell !== '')
    .slice(0, 10)
  const parts = [`Baris judul harus berisi kolom ${VERVAL_COLUMNS.join(',')} dengan urutan tersebut.`]
  if (missing.length > 0) parts.push(`Kolom yang tidak ada: ${missing.join(', ')}.`)
  if (unexpected.length > 0) parts.push(`Kolom yang tidak dikenal: ${unexpected.join(', ')}.`)
  return parts.join(' ')
}
