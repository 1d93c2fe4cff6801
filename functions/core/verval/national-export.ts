/**
 * The national export (issue 21 item 4, ADR 0034): the approved changes of a period as
 * the national upload (SIKS-NG) takes them, laid out by a column map held as data
 * (`national-layout.json`, documented in docs/national-export-columns.md), so a new
 * layout is a change of that file, not of this code. The file carries the full NIK, KK,
 * bank account and mother's name: it leaves only through the audited export.
 */
import * as z from 'zod'
import { compactCode, kabupatenOf, kecamatanOf, provinceOf } from '../areas/area-code'
import { CSV_BOM, csvCell } from '../audit/audit-csv'
import { writeXlsx } from '../spreadsheet/write-xlsx'
import { AKSI, VERVAL_COLUMNS } from './columns'
import layoutData from './national-layout.json'
import type { VervalRow } from './verval-row'

const AREA_LEVELS = ['provinsi', 'kabupaten', 'kecamatan', 'desa'] as const
const BATCH_FIELDS = ['program', 'period', 'batchId'] as const

/** Where a column's value comes from: `cell:<verval column>`, `area:<level>`, `batch:<field>`, `aksi`, `sequence`. */
const sourceSchema = z.union([
  z.templateLiteral(['cell:', z.enum(VERVAL_COLUMNS)]),
  z.templateLiteral(['area:', z.enum(AREA_LEVELS)]),
  z.templateLiteral(['batch:', z.enum(BATCH_FIELDS)]),
  z.literal('aksi'),
  z.literal('sequence'),
])

export const nationalLayoutSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  /** Where the layout was taken from, and when: what the docs page explains. */
  source: z.string().min(1),
  date: z.iso.date(),
  /** The national words for the changes a verval row makes. */
  aksi: z.strictObject({ BARU: z.string(), UBAH: z.string(), HAPUS: z.string() }),
  columns: z.array(z.strictObject({ header: z.string().min(1), from: sourceSchema })).min(1),
})
export type NationalLayout = z.infer<typeof nationalLayoutSchema>

/** The layout in force; parsed once, so a broken data file fails the first test that loads it. */
export const NATIONAL_LAYOUT: NationalLayout = nationalLayoutSchema.parse(layoutData)

/** The rows of the national file: changes only (a TETAP changes nothing in the national list). */
export const EXPORTED_AKSI = AKSI.filter((aksi) => aksi !== 'TETAP')

/** One applied batch and its rows, as the export reads them. */
export interface ExportedBatch {
  batchId: string
  program: string
  period: string
  kecamatan: string
  rows: readonly VervalRow[]
}

const areaOf = (desa: string, level: (typeof AREA_LEVELS)[number]): string => {
  const code = {
    provinsi: provinceOf,
    kabupaten: kabupatenOf,
    kecamatan: kecamatanOf,
    desa: (c: string) => c,
  }[level](desa)
  // The national system writes Kemendagri codes without dots (3201142001).
  return code === undefined ? '' : compactCode(code)
}

const valueOf = (
  layout: NationalLayout,
  from: NationalLayout['columns'][number]['from'],
  batch: ExportedBatch,
  row: VervalRow,
  sequence: number,
): string => {
  if (from === 'sequence') return String(sequence)
  if (from === 'aksi') return layout.aksi[row.aksi as keyof NationalLayout['aksi']] ?? row.aksi
  const [kind, name] = from.split(':') as [string, string]
  if (kind === 'cell') return row[name as (typeof VERVAL_COLUMNS)[number]] ?? ''
  if (kind === 'area') return areaOf(row.kode_desa, name as (typeof AREA_LEVELS)[number])
  return batch[name as (typeof BATCH_FIELDS)[number]]
}

/** The exported rows of the batches in file order (kecamatan, then sheet line), as cells under the layout's headers. */
export const nationalTable = (
  batches: readonly ExportedBatch[],
  layout: NationalLayout = NATIONAL_LAYOUT,
): { header: string[]; rows: string[][] } => {
  const ordered = [...batches].sort((a, b) =>
    a.kecamatan < b.kecamatan ? -1 : a.kecamatan > b.kecamatan ? 1 : 0,
  )
  const rows: string[][] = []
  for (const batch of ordered)
    for (const row of [...batch.rows].sort((a, b) => a.line - b.line))
      if ((EXPORTED_AKSI as readonly string[]).includes(row.aksi))
        rows.push(layout.columns.map(({ from }) => valueOf(layout, from, batch, row, rows.length + 1)))
  return { header: layout.columns.map((column) => column.header), rows }
}

/** CSV as Excel opens it: BOM, CRLF, formula-safe cells, values unmasked (this is the PII door). */
export const nationalCsv = (table: { header: string[]; rows: string[][] }): string =>
  CSV_BOM +
  [table.header, ...table.rows]
    .map((cells) => cells.map((cell) => csvCell(cell, { mask: false })).join(','))
    .join('\r\n') +
  '\r\n'

/** XLSX with every column as text, so no identity or account number is rounded. */
export const nationalXlsx = (table: { header: string[]; rows: string[][] }): Buffer =>
  writeXlsx({
    name: 'KPM Perubahan',
    columns: table.header.map((header) => ({ header, width: Math.max(12, header.length + 2), text: true })),
    rows: table.rows,
    freezeHeader: true,
  })
