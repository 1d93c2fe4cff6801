/**
 * The columns of a verval file (DESIGN §4 "Verval file") and the header check. The
 * header must name exactly the columns of one of the two templates in order (the base
 * one of DESIGN §4, or the base one followed by the chain's columns of issue 21, ADR
 * 0034), so that a sheet exported from another template is refused before any row is read.
 */
import { MAX_SPREADSHEET_BYTES } from '../spreadsheet/limits'
import { quotable } from '../spreadsheet/spreadsheet-error'

/** The columns of DESIGN §4: the template TKSK have used since the start, still accepted alone. */
export const BASE_COLUMNS = [
  'nik',
  'no_kk',
  'nama',
  'alamat',
  'kode_desa',
  'aksi',
  'alasan',
  'no_kks',
] as const

/**
 * The columns the national chain needs (issue 21 item 2, ADR 0034), every one optional
 * in each row. `no_rekening` and `nama_ibu_kandung` are protected like a NIK
 * (`PROTECTED_COLUMNS`).
 */
export const CHAIN_COLUMNS = [
  'id_dtsen_keluarga',
  'id_dtsen_pengurus',
  'no_peserta_pkh',
  'status_pkh',
  'tempat_lahir',
  'no_rekening',
  'nama_ibu_kandung',
] as const
export type ChainColumn = (typeof CHAIN_COLUMNS)[number]

/** The template of today: the base columns, then the chain's. */
export const VERVAL_COLUMNS = [...BASE_COLUMNS, ...CHAIN_COLUMNS] as const
export type VervalColumn = (typeof VERVAL_COLUMNS)[number]

/**
 * Columns kept like a NIK: never in full in logs, keys, indexes, the registry, pages,
 * answers or emails; in full only in the batch's packed rows and the audited national
 * export (ADR 0034).
 */
export const PROTECTED_COLUMNS = ['no_rekening', 'nama_ibu_kandung'] as const satisfies readonly ChainColumn[]
export type ProtectedColumn = (typeof PROTECTED_COLUMNS)[number]

/** Status kepesertaan PKH as the file may state it (ADR 0034: a fixed list). */
export const STATUS_PKH = [
  'AKTIF',
  'TIDAK_AKTIF',
  'DITANGGUHKAN',
  'GRADUASI_MANDIRI',
  'GRADUASI_ALAMIAH',
] as const
export type StatusPkh = (typeof STATUS_PKH)[number]

export const AKSI = ['TETAP', 'BARU', 'UBAH', 'HAPUS'] as const
export type Aksi = (typeof AKSI)[number]

export const ALASAN_HAPUS = ['MENINGGAL', 'PINDAH', 'MAMPU', 'TIDAK_MEMENUHI_SYARAT', 'DUPLIKAT'] as const
export type AlasanHapus = (typeof ALASAN_HAPUS)[number]

/**
 * Columns of identity numbers: 16 digits, which a spreadsheet keeps only as text (as a
 * number it rounds to 15 significant digits). The templates format them as text and a
 * cell stored as a number is a row error.
 */
export const TEXT_COLUMNS: readonly VervalColumn[] = [
  'nik',
  'no_kk',
  'no_kks',
  // Long numbers too: a number cell drops digits past the 15th and any leading zero.
  'id_dtsen_keluarga',
  'id_dtsen_pengurus',
  'no_peserta_pkh',
  'no_rekening',
]

/** Largest file (rows after the header) taken in one upload; larger imports go through S3 later. */
export const MAX_VERVAL_ROWS = 20_000
export const MAX_VERVAL_BYTES = MAX_SPREADSHEET_BYTES

// Spreadsheet tools add stray spaces and capitals to headers; neither changes the meaning.
const normalise = (cell: string): string => cell.trim().toLowerCase()

/**
 * Why a header row is not the template's (`undefined` when it is). Names the missing
 * and unexpected columns, which is what a TKSK needs to fix the sheet.
 */
const TEMPLATES: readonly (readonly string[])[] = [VERVAL_COLUMNS, BASE_COLUMNS]

export const headerProblem = (header: readonly string[]): string | undefined => {
  const cells = header.map(normalise)
  while (cells.length > 0 && cells.at(-1) === '') cells.pop()
  const matches = (template: readonly string[]) =>
    cells.length === template.length && cells.every((cell, index) => cell === template[index])
  if (TEMPLATES.some(matches)) return undefined
  // A sheet with any chain column is held against today's template; one without, against the base.
  const expected = cells.some((cell) => (CHAIN_COLUMNS as readonly string[]).includes(cell))
    ? VERVAL_COLUMNS
    : BASE_COLUMNS
  const missing = expected.filter((column) => !cells.includes(column))
  // Quoted back to the TKSK: printable and short, whatever the file held.
  const unexpected = cells
    .filter((cell) => !(VERVAL_COLUMNS as readonly string[]).includes(cell))
    .map((cell) => quotable(cell))
    .filter((cell) => cell !== '')
    .slice(0, 10)
  const parts = [
    `Baris judul harus berisi kolom ${BASE_COLUMNS.join(',')} dengan urutan tersebut, ` +
      `boleh diikuti kolom ${CHAIN_COLUMNS.join(',')} dengan urutan tersebut.`,
  ]
  if (missing.length > 0) parts.push(`Kolom yang tidak ada: ${missing.join(', ')}.`)
  if (unexpected.length > 0) parts.push(`Kolom yang tidak dikenal: ${unexpected.join(', ')}.`)
  return parts.join(' ')
}
