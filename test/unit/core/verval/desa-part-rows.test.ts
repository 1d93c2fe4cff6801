import { describe, expect, it } from 'vitest'
import {
  MAX_DESA_ROWS_BYTES,
  oversizedDesaRows,
  packDesaRows,
  unpackDesaRows,
} from '../../../../functions/core/verval/desa-part-rows'
import { rowFromCells } from '../../../../functions/core/verval/verval-row'

const row = (line: number, alamat = 'Kp. Cibeber') =>
  rowFromCells(line, ['3201140107800001', '3201140101100001', 'Siti', alamat, '32.01.14.2001', 'BARU'])

describe('a desa part kept as packed rows', () => {
  it('reads back the number cells of the desa file, so the composed batch still reports them', () => {
    const rows = [{ ...row(2), numberColumns: ['nik' as const, 'no_rekening' as const] }, row(3)]
    expect(unpackDesaRows(packDesaRows(rows))).toEqual(rows)
  })

  it('reads a part stored before number cells were kept', () => {
    const stored = JSON.stringify([[2, '3201140107800001', '3201140101100001', 'Siti']])
    const [only] = unpackDesaRows(stored)
    expect(only).toMatchObject({ line: 2, nik: '3201140107800001', nama: 'Siti', alamat: '' })
    expect(only?.numberColumns).toBeUndefined()
  })

  it('names the size in KB of rows too large for the one item a part is kept in', () => {
    const long = 'x'.repeat(1000)
    const rows = Array.from({ length: 300 }, (_, index) => row(index + 2, long))
    const packed = packDesaRows(rows)
    expect(Buffer.byteLength(packed)).toBeGreaterThan(MAX_DESA_ROWS_BYTES)
    expect(oversizedDesaRows(packed)).toBe(Math.ceil(Buffer.byteLength(packed) / 1000))
    expect(oversizedDesaRows(packDesaRows(rows.slice(0, 200)))).toBeUndefined()
  })
})
