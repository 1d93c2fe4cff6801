/**
 * What a batch changes against the previous applied batch of the same kecamatan and
 * program (issue 7: "the batch page shows the diff"). Families are told apart by NIK;
 * a family is on the list of a batch unless its row says `HAPUS`. The result carries
 * only masked NIK, so it can go straight into a page.
 */
import { maskNik } from '../identity/mask'
import { CHAIN_COLUMNS, type VervalColumn } from './columns'
import type { VervalRow } from './verval-row'

export interface DiffFamily {
  /** Spreadsheet line in the batch the family is read from (the current one, else the previous). */
  line: number
  nik: string
  nama: string
  kodeDesa: string
}

export interface ChangedFamily extends DiffFamily {
  /** Columns whose value differs from the previous batch. */
  fields: VervalColumn[]
}

export interface BatchDiff {
  /** On this batch's list, not on the previous one's. */
  added: DiffFamily[]
  /** On the previous list, marked `HAPUS` now. */
  removed: DiffFamily[]
  /** On the previous list and absent from this file altogether. */
  missing: DiffFamily[]
  /** On both lists with different data. */
  changed: ChangedFamily[]
}

/** Compared cell by cell; the page names the columns only, so a protected value never shows. */
export const COMPARED_COLUMNS = ['no_kk', 'nama', 'alamat', 'kode_desa', 'no_kks', ...CHAIN_COLUMNS] as const

const familyOf = (row: VervalRow): DiffFamily => ({
  line: row.line,
  nik: maskNik(row.nik),
  nama: row.nama,
  kodeDesa: row.kode_desa,
})

const listed = (row: VervalRow): boolean => row.aksi !== 'HAPUS'

/** The last row of each NIK (a repeated NIK makes a batch invalid; the diff still has to say something). */
const byNik = (rows: readonly VervalRow[]): Map<string, VervalRow> =>
  new Map(rows.map((row) => [row.nik, row]))

/**
 * `refusedLines`: the lines of `current` with a row error. They change nothing, as the
 * batch's summary does not count them (an invalid NIK is no new family); the file still
 * names their families, so those are not "missing" either.
 */
export const diffBatches = (
  previous: readonly VervalRow[],
  current: readonly VervalRow[],
  refusedLines: ReadonlySet<number> = new Set(),
): BatchDiff => {
  const before = byNik(previous)
  const now = byNik(current.filter((row) => !refusedLines.has(row.line)))
  const named = new Set(current.map((row) => row.nik))
  const diff: BatchDiff = { added: [], removed: [], missing: [], changed: [] }
  for (const row of now.values()) {
    const old = before.get(row.nik)
    const wasListed = old !== undefined && listed(old)
    if (listed(row) && !wasListed) diff.added.push(familyOf(row))
    else if (!listed(row) && wasListed) diff.removed.push(familyOf(row))
    else if (listed(row) && old) {
      const fields = COMPARED_COLUMNS.filter((column) => (old[column] ?? '') !== (row[column] ?? ''))
      if (fields.length > 0) diff.changed.push({ ...familyOf(row), fields })
    }
  }
  for (const old of before.values()) if (listed(old) && !named.has(old.nik)) diff.missing.push(familyOf(old))
  const byLine = (a: DiffFamily, b: DiffFamily) => a.line - b.line
  diff.added.sort(byLine)
  diff.removed.sort(byLine)
  diff.missing.sort(byLine)
  diff.changed.sort(byLine)
  return diff
}
