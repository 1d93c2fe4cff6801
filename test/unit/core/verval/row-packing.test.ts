import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { StoredRow } from '../../../../functions/core/verval/batch-record'
import { chunkRanges } from '../../../../functions/core/verval/batch-status'
import {
  MAX_CELL_CHARS,
  MAX_PART_BYTES,
  oversizedCell,
  packRows,
  unpackRows,
} from '../../../../functions/core/verval/row-packing'
import { row } from './fixtures'

const stored = (index: number, overrides: Partial<StoredRow> = {}): StoredRow => ({
  ...row({ line: index + 1 }),
  index,
  repeats: [],
  ...overrides,
})

const cell = fc.string({ unit: 'binary', maxLength: 40 })
const rowsArbitrary = fc
  .array(fc.record({ nama: cell, alamat: cell, alasan: cell, repeated: fc.boolean() }), { maxLength: 60 })
  .map((cells) =>
    cells.map(({ repeated, ...values }, position) =>
      stored(position + 1, {
        ...values,
        repeats: repeated ? [{ line: position + 2, field: 'nik', firstLine: 2 }] : [],
      }),
    ),
  )

describe('rows packed by the upload and expanded by the workflow', () => {
  it('unpacking the parts of every chunk range gives back exactly the rows, in order', () => {
    fc.assert(
      fc.property(
        rowsArbitrary,
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 200, max: 2000 }),
        (rows, size, bytes) => {
          const parts = packRows(rows, size, bytes)
          const ranges = chunkRanges(rows.length, size)
          const unpacked = ranges.flatMap((range) =>
            unpackRows(parts.filter((part) => part.from === range.from).reverse()),
          )
          expect(unpacked).toEqual(rows)
        },
      ),
    )
  })

  it('a part holds more than one row only while it stays within the byte limit', () => {
    fc.assert(
      fc.property(rowsArbitrary, fc.integer({ min: 200, max: 2000 }), (rows, bytes) => {
        for (const part of packRows(rows, 1000, bytes))
          if ((JSON.parse(part.rows) as unknown[]).length > 1)
            expect(Buffer.byteLength(part.rows)).toBeLessThanOrEqual(bytes)
      }),
    )
  })

  it('a worst-case chunk of 1,000 rows with every cell at its longest is split into parts below the item limit', () => {
    const long = 'ü'.repeat(MAX_CELL_CHARS)
    const rows = Array.from({ length: 1000 }, (_, n) =>
      stored(n + 1, { nama: long, alamat: long, alasan: long, no_kks: long }),
    )
    const parts = packRows(rows)
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) expect(Buffer.byteLength(part.rows)).toBeLessThanOrEqual(MAX_PART_BYTES)
    expect(unpackRows(parts)).toEqual(rows)
  })

  it('a realistic chunk of 1,000 rows fits one part', () => {
    const rows = Array.from({ length: 1000 }, (_, n) => stored(n + 1))
    expect(packRows(rows)).toHaveLength(1)
  })

  it('a cell longer than the limit is named by its line and column', () => {
    expect(oversizedCell([stored(1), stored(2, { alamat: 'x'.repeat(MAX_CELL_CHARS + 1) })])).toEqual({
      line: 3,
      column: 'alamat',
    })
    expect(oversizedCell([stored(1, { nama: 'x'.repeat(MAX_CELL_CHARS) })])).toBeUndefined()
  })
})

describe('rows with the chain’s columns (ADR 0034)', () => {
  it('pack and unpack with every chain cell, and a row without them packs as before', () => {
    const withChain = stored(1, {
      no_rekening: '0123456789012',
      nama_ibu_kandung: 'Aminah',
      status_pkh: 'AKTIF',
    })
    const plain = stored(2)
    const [part] = packRows([withChain, plain])
    expect(unpackRows(part ? [part] : [])).toEqual([withChain, plain])
    const [, plainTuple] = JSON.parse(part?.rows ?? '[]') as unknown[][]
    // index, line, the eight base cells and the repeats: what parts written before the chain columns hold.
    expect(plainTuple).toHaveLength(11)
  })

  it('a part written before the chain columns existed reads with them blank', () => {
    const old = JSON.stringify([
      [
        1,
        2,
        '3201144507800001',
        '3201140101100001',
        'Siti',
        '',
        '32.01.14.2001',
        'BARU',
        '',
        '',
        [],
        ['nik'],
      ],
    ])
    const [read] = unpackRows([{ part: 1, rows: old }])
    expect(read).toMatchObject({
      nik: '3201144507800001',
      numberColumns: ['nik'],
      no_rekening: '',
      status_pkh: '',
    })
  })
})
