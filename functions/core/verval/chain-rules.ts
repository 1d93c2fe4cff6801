/**
 * The checks of the chain's columns (issue 21 item 2, ADR 0034), every one optional:
 * an empty cell is never an error, a filled one must have the shape the national
 * system takes. Each error names its column, as the error report lists it.
 */
import { STATUS_PKH, TEXT_COLUMNS, type VervalColumn } from './columns'
import type { RowError } from './row-error'
import type { VervalRow } from './verval-row'

/**
 * ID DTSEN (keluarga and pengurus): 6–40 characters of capital letters, digits and
 * dashes, starting with a letter or digit. The ministry publishes no format we can hold
 * the file to (ADR 0034); this refuses what is surely not an id (spaces, formulas,
 * lower-case copies of a name) and lets a new format through.
 */
export const DTSEN_ID = /^[0-9A-Z][0-9A-Z-]{5,39}$/
/** Nomor peserta PKH: the same shape as a DTSEN id (ADR 0034). */
export const PKH_NUMBER = DTSEN_ID
/** Nomor rekening: 8–20 digits, nothing else (the Himbara banks use 10–16). */
export const ACCOUNT_NUMBER = /^\d{8,20}$/
export const MAX_TEMPAT_LAHIR = 60
export const MAX_NAMA_IBU = 100

const error = (row: VervalRow, field: VervalColumn, code: string, message: string): RowError => ({
  row: row.line,
  field,
  code,
  message,
})

/** A long number stored as a number cell is reported by the number-cell rule, not here. */
const checked = (row: VervalRow, column: VervalColumn): boolean =>
  row[column] !== '' && !(TEXT_COLUMNS.includes(column) && (row.numberColumns ?? []).includes(column))

const shapeError = (
  row: VervalRow,
  column: VervalColumn,
  pattern: RegExp,
  code: string,
  message: string,
): RowError[] =>
  checked(row, column) && !pattern.test(row[column]) ? [error(row, column, code, message)] : []

const DTSEN_MESSAGE =
  'harus 6–40 karakter huruf kapital, angka atau tanda hubung (-), diawali huruf atau angka.'

const pkhErrors = (row: VervalRow): RowError[] => {
  const errors = shapeError(
    row,
    'no_peserta_pkh',
    PKH_NUMBER,
    'PKH_NUMBER_FORMAT',
    `Nomor peserta PKH ${DTSEN_MESSAGE}`,
  )
  if (row.status_pkh !== '' && !(STATUS_PKH as readonly string[]).includes(row.status_pkh))
    errors.push(
      error(
        row,
        'status_pkh',
        'STATUS_PKH_INVALID',
        `Status PKH harus salah satu dari ${STATUS_PKH.join(', ')}.`,
      ),
    )
  // A status without a number says nothing of whom; a number without a status, nothing of what.
  if (row.no_peserta_pkh === '' && row.status_pkh !== '')
    errors.push(
      error(
        row,
        'no_peserta_pkh',
        'PKH_NUMBER_REQUIRED',
        'Status PKH diisi, maka nomor peserta PKH wajib diisi.',
      ),
    )
  if (row.no_peserta_pkh !== '' && row.status_pkh === '')
    errors.push(
      error(
        row,
        'status_pkh',
        'STATUS_PKH_REQUIRED',
        'Nomor peserta PKH diisi, maka status PKH wajib diisi.',
      ),
    )
  return errors
}

const lengthError = (row: VervalRow, column: VervalColumn, max: number, code: string, label: string) =>
  row[column].length > max ? [error(row, column, code, `${label} maksimal ${max} karakter.`)] : []

/** Every problem of the chain's cells of a row, in column order; empty when they are sound or blank. */
export const chainErrors = (row: VervalRow): RowError[] => [
  ...shapeError(row, 'id_dtsen_keluarga', DTSEN_ID, 'DTSEN_FORMAT', `ID DTSEN keluarga ${DTSEN_MESSAGE}`),
  ...shapeError(row, 'id_dtsen_pengurus', DTSEN_ID, 'DTSEN_FORMAT', `ID DTSEN pengurus ${DTSEN_MESSAGE}`),
  ...pkhErrors(row),
  ...lengthError(row, 'tempat_lahir', MAX_TEMPAT_LAHIR, 'TEMPAT_LAHIR_TOO_LONG', 'Tempat lahir'),
  ...shapeError(
    row,
    'no_rekening',
    ACCOUNT_NUMBER,
    'REKENING_FORMAT',
    'Nomor rekening harus 8–20 digit angka, tanpa spasi atau tanda baca.',
  ),
  ...lengthError(row, 'nama_ibu_kandung', MAX_NAMA_IBU, 'NAMA_IBU_TOO_LONG', 'Nama ibu kandung'),
]
