/**
 * NIK or KK repeated in one file (DESIGN §4): reported on every occurrence after the
 * first, naming the line of the first, so the TKSK keeps one and deletes the others.
 * A KK belongs to at most one KPM per program, so a repeated KK is as wrong as a
 * repeated NIK.
 */
import type { RowError } from './row-error'
import type { VervalRow } from './verval-row'

export interface Repeat {
  /** Line of the repeated occurrence. */
  line: number
  field: 'nik' | 'no_kk'
  /** Line where the value first appeared. */
  firstLine: number
}

const LABELS = { nik: 'NIK', no_kk: 'Nomor KK' } as const
const CODES = { nik: 'NIK_REPEATED', no_kk: 'KK_REPEATED' } as const

/** Every occurrence after the first of a NIK or KK; blank values are not repeats (they fail on their own). */
export const findRepeats = (rows: Iterable<Pick<VervalRow, 'line' | 'nik' | 'no_kk'>>): Repeat[] => {
  const first = { nik: new Map<string, number>(), no_kk: new Map<string, number>() }
  const repeats: Repeat[] = []
  for (const row of rows) {
    for (const field of ['nik', 'no_kk'] as const) {
      const value = row[field]
      if (value === '') continue
      const firstLine = first[field].get(value)
      if (firstLine === undefined) first[field].set(value, row.line)
      else repeats.push({ line: row.line, field, firstLine })
    }
  }
  return repeats
}

export const repeatError = (repeat: Repeat): RowError => ({
  row: repeat.line,
  field: repeat.field,
  code: CODES[repeat.field],
  message: `${LABELS[repeat.field]} sudah tercantum di baris ${repeat.firstLine}.`,
})
