/**
 * The checks of one row on its own (DESIGN §4 "Row checks"): NIK and KK structure, the
 * desa inside the submitter's kecamatan, `aksi`, the `alasan` of a HAPUS, the KKS
 * number of the programs paid through it. Checks that need the whole file (repeats) or
 * the registry live in `repeats.ts` and `registry-rules.ts`.
 */
import { kecamatanOf } from '../areas/area-code'
import { requiresKks, type VervalProgram } from '../catalog/verval-programs'
import { validateKk, validateNik } from '../identity/validate-identity'
import { chainErrors } from './chain-rules'
import { AKSI, ALASAN_HAPUS, TEXT_COLUMNS, type VervalColumn } from './columns'
import type { RowError } from './row-error'
import type { VervalRow } from './verval-row'

export interface RowContext {
  /** The submitter's kecamatan: every desa of the file must lie in it. */
  kecamatan: string
  program: VervalProgram
  isProvince: (code: string) => boolean
  /** Whether a kecamatan is in today's list (an old code is accepted and flagged). */
  isKecamatan: (code: string) => boolean
  isVillage: (code: string) => boolean
}

const MAX_NAMA = 100
const MAX_ALAMAT = 200

const error = (row: VervalRow, field: string, code: string, message: string): RowError => ({
  row: row.line,
  field,
  code,
  message,
})

const storedAsNumber = (row: VervalRow, column: VervalColumn): boolean =>
  (row.numberColumns ?? []).includes(column)

/**
 * A 16-digit number typed into a number cell has already lost its last digit (spreadsheets
 * keep 15 significant digits): whatever it reads as now is not the person's number. Also
 * run on a desa's musdes upload, which is refused whole for it (ADR 0033).
 */
export const numberCellErrors = (row: VervalRow): RowError[] =>
  TEXT_COLUMNS.filter((column) => storedAsNumber(row, column)).map((column) =>
    error(
      row,
      column,
      'NUMBER_CELL',
      `Kolom ${column} tersimpan sebagai angka, sehingga digit terakhirnya sudah hilang. ` +
        `Format kolom ${column} sebagai Teks, ketik ulang nomornya, lalu unggah kembali.`,
    ),
  )

const identityErrors = (row: VervalRow, context: RowContext): RowError[] => [
  ...(storedAsNumber(row, 'nik') ? [] : validateNik(row.nik, context)).map((issue) =>
    error(row, 'nik', issue.code, issue.message),
  ),
  ...(storedAsNumber(row, 'no_kk') ? [] : validateKk(row.no_kk, context)).map((issue) =>
    error(row, 'no_kk', issue.code, issue.message),
  ),
]

const textErrors = (row: VervalRow): RowError[] => {
  const errors: RowError[] = []
  if (row.nama === '') errors.push(error(row, 'nama', 'NAMA_REQUIRED', 'Nama wajib diisi.'))
  else if (row.nama.length > MAX_NAMA)
    errors.push(error(row, 'nama', 'NAMA_TOO_LONG', `Nama maksimal ${MAX_NAMA} karakter.`))
  if (row.alamat.length > MAX_ALAMAT)
    errors.push(error(row, 'alamat', 'ALAMAT_TOO_LONG', `Alamat maksimal ${MAX_ALAMAT} karakter.`))
  return errors
}

const desaErrors = (row: VervalRow, context: RowContext): RowError[] => {
  if (!context.isVillage(row.kode_desa))
    return [
      error(row, 'kode_desa', 'DESA_UNKNOWN', 'Kode desa/kelurahan tidak dikenal (contoh: 32.01.14.2001).'),
    ]
  if (kecamatanOf(row.kode_desa) !== context.kecamatan)
    return [
      error(
        row,
        'kode_desa',
        'DESA_OUTSIDE_KECAMATAN',
        `Desa/kelurahan tidak berada di kecamatan ${context.kecamatan}.`,
      ),
    ]
  return []
}

const aksiErrors = (row: VervalRow): RowError[] => {
  if (!(AKSI as readonly string[]).includes(row.aksi))
    return [error(row, 'aksi', 'AKSI_INVALID', `Aksi harus salah satu dari ${AKSI.join(', ')}.`)]
  if (row.aksi === 'HAPUS') {
    if (row.alasan === '')
      return [
        error(row, 'alasan', 'ALASAN_REQUIRED', `Aksi HAPUS wajib diisi alasan: ${ALASAN_HAPUS.join(', ')}.`),
      ]
    if (!(ALASAN_HAPUS as readonly string[]).includes(row.alasan))
      return [
        error(row, 'alasan', 'ALASAN_INVALID', `Alasan harus salah satu dari ${ALASAN_HAPUS.join(', ')}.`),
      ]
    return []
  }
  return row.alasan === ''
    ? []
    : [error(row, 'alasan', 'ALASAN_UNEXPECTED', 'Alasan hanya diisi untuk aksi HAPUS.')]
}

const kksErrors = (row: VervalRow, program: VervalProgram): RowError[] => {
  if (storedAsNumber(row, 'no_kks')) return []
  if (row.no_kks === '')
    return requiresKks(program)
      ? [error(row, 'no_kks', 'KKS_REQUIRED', `Nomor KKS wajib diisi untuk program ${program}.`)]
      : []
  return /^\d{16}$/.test(row.no_kks)
    ? []
    : [error(row, 'no_kks', 'KKS_FORMAT', 'Nomor KKS harus terdiri dari 16 digit angka.')]
}

/** Every problem of the row on its own, in column order; empty when the row is sound. */
export const rowErrors = (row: VervalRow, context: RowContext): RowError[] => [
  ...numberCellErrors(row),
  ...identityErrors(row, context),
  ...textErrors(row),
  ...desaErrors(row, context),
  ...aksiErrors(row),
  ...kksErrors(row, context.program),
  ...chainErrors(row),
]
