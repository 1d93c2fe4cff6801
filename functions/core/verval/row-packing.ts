/**
 * The parsed rows of an upload packed into a few items (ADR 0004): the upload stores
 * them in one short write, and the workflow's validation expands each chunk range into
 * its `ROW#` items. A range (the Map's chunk) is split into parts by size, so no part
 * comes near DynamoDB's 400 KB item limit whatever the cells hold.
 */
import type { StoredRow } from './batch-record'
import { BASE_COLUMNS, CHAIN_COLUMNS, VERVAL_COLUMNS, type VervalColumn } from './columns'
import type { Repeat } from './repeats'
import { chunkRanges, CHUNK_ROWS } from './batch-status'
import type { VervalRow } from './verval-row'

/** Bytes of packed rows per item: well below 400 KB, leaving room for keys and attribute names. */
export const MAX_PART_BYTES = 300_000
/**
 * Most bytes a stored part may inflate to: a part holds at most `MAX_PART_BYTES` plus one
 * row (cells of `MAX_CELL_CHARS`), so anything larger was not written by the upload (a
 * gzip bomb in a chunk item) and is refused before it is held whole.
 */
export const MAX_PACKED_PART_BYTES = 2 * MAX_PART_BYTES
/** Longest cell an upload takes: keeps one row far below a part, and no column needs more. */
export const MAX_CELL_CHARS = 1000

export interface PackedPart {
  /** First row (1-based `ROW#` index) of the chunk range the part belongs to. */
  from: number
  /** 1-based position of the part within its range. */
  part: number
  /**
   * The rows as JSON tuples: index, line, the base cells in template order, repeats,
   * number columns (`0` when none), then the chain's cells (ADR 0034) — left off when all
   * are empty, so parts written before them read the same.
   */
  rows: string
}

type Tuple = [number, number, ...unknown[]]

const tupleOf = (row: StoredRow): string => {
  const chain = CHAIN_COLUMNS.map((column) => row[column] ?? '')
  const withChain = chain.some((cell) => cell !== '')
  return JSON.stringify([
    row.index,
    row.line,
    ...BASE_COLUMNS.map((column) => row[column]),
    row.repeats,
    ...(row.numberColumns || withChain ? [row.numberColumns ?? 0] : []),
    ...(withChain ? chain : []),
  ])
}

const rowOf = (tuple: unknown[]): StoredRow => {
  const [index, line, ...rest] = tuple as Tuple
  const base = BASE_COLUMNS.length
  const row = { index, line, repeats: rest[base] as Repeat[] } as StoredRow
  BASE_COLUMNS.forEach((column, position) => {
    row[column] = (rest[position] as string | undefined) ?? ''
  })
  CHAIN_COLUMNS.forEach((column, position) => {
    row[column] = (rest[base + 2 + position] as string | undefined) ?? ''
  })
  const numberColumns = rest[base + 1] as VervalColumn[] | 0 | undefined
  if (numberColumns) row.numberColumns = numberColumns
  return row
}

/** Rows (indexed 1..n in order) packed by chunk range, each range in parts of at most `maxBytes`. */
export const packRows = (
  rows: readonly StoredRow[],
  chunkRows: number = CHUNK_ROWS,
  maxBytes: number = MAX_PART_BYTES,
): PackedPart[] => {
  const parts: PackedPart[] = []
  for (const range of chunkRanges(rows.length, chunkRows)) {
    let part: string[] = []
    let bytes = 2
    let count = 0
    const flush = () => {
      parts.push({ from: range.from, part: ++count, rows: `[${part.join(',')}]` })
      part = []
      bytes = 2
    }
    for (const row of rows.slice(range.from - 1, range.to)) {
      const tuple = tupleOf(row)
      const size = Buffer.byteLength(tuple) + 1
      if (part.length > 0 && bytes + size > maxBytes) flush()
      part.push(tuple)
      bytes += size
    }
    flush()
  }
  return parts
}

/** The rows of a range from its parts, in any order. */
export const unpackRows = (parts: readonly Pick<PackedPart, 'part' | 'rows'>[]): StoredRow[] =>
  [...parts]
    .sort((a, b) => a.part - b.part)
    .flatMap((part) => (JSON.parse(part.rows) as unknown[][]).map(rowOf))

/** The first row with a cell longer than `MAX_CELL_CHARS`, and that column. */
export const oversizedCell = (
  rows: readonly VervalRow[],
): { line: number; column: VervalColumn } | undefined => {
  for (const row of rows)
    for (const column of VERVAL_COLUMNS)
      if (row[column].length > MAX_CELL_CHARS) return { line: row.line, column }
  return undefined
}
