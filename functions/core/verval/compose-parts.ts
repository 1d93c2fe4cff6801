/**
 * The kecamatan batch composed from the desa parts and the TKSK's own rows (issue 21
 * item 1, ADR 0033). A family (NIK or KK) named by two sources with the same row is
 * taken once; named with a different aksi or data it is a conflict, reported on the
 * later source's row naming both sources, and nothing is composed until it is resolved.
 * Rows keep their source: the batch records which of its lines came from where.
 */
import { maskNik } from '../identity/mask'
import { VERVAL_COLUMNS } from './columns'
import type { VervalRow } from './verval-row'

export interface PartSource {
  /** Stable id of the source in paths: `tksk`, or the desa code. */
  id: string
  /** What people read: `TKSK`, `Desa Sukamaju (musdes 2026-11-20)`. */
  label: string
  rows: readonly VervalRow[]
}

/** Which lines of the composed batch came from one source, and the lines they had there. */
export interface SourceRange {
  id: string
  label: string
  /** First and last line of the composed sheet (header = line 1); absent when every row was a duplicate. */
  firstLine?: number
  lastLine?: number
  rows: number
  /** Rows left out because an earlier source had the very same row. */
  duplicates: number
}

export interface PartConflict {
  /** The source and line of the row that conflicts. */
  sourceId: string
  line: number
  field: 'nik' | 'no_kk'
  message: string
}

export type Composition =
  { ok: true; rows: VervalRow[]; sources: SourceRange[] } | { ok: false; conflicts: PartConflict[] }

const LABELS = { nik: 'NIK', no_kk: 'Nomor KK' } as const

const sameRow = (a: VervalRow, b: VervalRow): boolean =>
  VERVAL_COLUMNS.every((column) => a[column] === b[column])

const whatDiffers = (a: VervalRow, b: VervalRow): string =>
  a.aksi !== b.aksi ? `aksi ${a.aksi || '-'} lawan ${b.aksi || '-'}` : 'data berbeda'

interface Seen {
  source: PartSource
  row: VervalRow
}

export const composeParts = (sources: readonly PartSource[]): Composition => {
  const seen = { nik: new Map<string, Seen>(), no_kk: new Map<string, Seen>() }
  const conflicts: PartConflict[] = []
  const kept: { source: PartSource; rows: VervalRow[]; duplicates: number }[] = []
  for (const source of sources) {
    const taken = { source, rows: [] as VervalRow[], duplicates: 0 }
    kept.push(taken)
    for (const row of source.rows) {
      let duplicate = false
      let conflicting = false
      for (const field of ['nik', 'no_kk'] as const) {
        const value = row[field]
        if (value === '') continue
        const earlier = seen[field].get(value)
        // Repeats inside one source are the file's own problem, reported by validation.
        if (!earlier || earlier.source.id === source.id) continue
        if (sameRow(earlier.row, row)) {
          duplicate = true
          continue
        }
        conflicting = true
        conflicts.push({
          sourceId: source.id,
          line: row.line,
          field,
          message:
            `${LABELS[field]} ${maskNik(value)} ada di ${earlier.source.label} baris ${earlier.row.line} ` +
            `dan di ${source.label} baris ${row.line} (${whatDiffers(earlier.row, row)}).`,
        })
      }
      if (conflicting) continue
      if (duplicate) {
        taken.duplicates += 1
        continue
      }
      for (const field of ['nik', 'no_kk'] as const)
        if (row[field] !== '' && !seen[field].has(row[field])) seen[field].set(row[field], { source, row })
      taken.rows.push(row)
    }
  }
  if (conflicts.length > 0) return { ok: false, conflicts }
  const rows: VervalRow[] = []
  const ranges: SourceRange[] = []
  for (const { source, rows: taken, duplicates } of kept) {
    const firstLine = rows.length + 2
    for (const row of taken) rows.push({ ...row, line: rows.length + 2 })
    ranges.push({
      id: source.id,
      label: source.label,
      ...(taken.length > 0 ? { firstLine, lastLine: firstLine + taken.length - 1 } : {}),
      rows: taken.length,
      duplicates,
    })
  }
  return { ok: true, rows, sources: ranges }
}
