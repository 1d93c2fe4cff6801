/**
 * A desa part's rows as the one JSON attribute its item keeps (ADR 0033): per row its
 * line, its cells in template order and, when the XLSX stored some cells as numbers,
 * those columns, so the composed batch is validated on what the desa's file really held
 * (as `row-packing.ts` keeps them for an upload). The whole must fit one DynamoDB item.
 */
import { VERVAL_COLUMNS, type VervalColumn } from './columns'
import { rowFromCells, type VervalRow } from './verval-row'

/** Bytes of a part's packed rows: well below the 400 KB item, leaving room for the part's other attributes. */
export const MAX_DESA_ROWS_BYTES = 300_000

type Tuple = [number, ...(string | VervalColumn[])[]]

const tupleOf = (row: VervalRow): Tuple => [
  row.line,
  ...VERVAL_COLUMNS.map((column) => row[column]),
  ...(row.numberColumns ? [row.numberColumns] : []),
]

const rowOf = ([line, ...rest]: Tuple): VervalRow => {
  const cells = rest.slice(0, VERVAL_COLUMNS.length) as string[]
  const numberColumns = rest[VERVAL_COLUMNS.length]
  const row = rowFromCells(line, cells)
  return Array.isArray(numberColumns) ? { ...row, numberColumns } : row
}

export const packDesaRows = (rows: readonly VervalRow[]): string => JSON.stringify(rows.map(tupleOf))

/** The rows from their packed JSON; parts stored before the number columns read the same. */
export const unpackDesaRows = (packed: string): VervalRow[] => (JSON.parse(packed) as Tuple[]).map(rowOf)

/** The packed rows' size in KB (rounded up) when they exceed `MAX_DESA_ROWS_BYTES`, else undefined. */
export const oversizedDesaRows = (packed: string): number | undefined => {
  const bytes = Buffer.byteLength(packed)
  return bytes > MAX_DESA_ROWS_BYTES ? Math.ceil(bytes / 1000) : undefined
}
