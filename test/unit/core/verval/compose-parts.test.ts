import { describe, expect, it } from 'vitest'
import { composeParts, type PartSource } from '../../../../functions/core/verval/compose-parts'
import { rowFromCells, type VervalRow } from '../../../../functions/core/verval/verval-row'

const row = (line: number, nik: string, kk: string, aksi = 'BARU', nama = 'Keluarga'): VervalRow =>
  rowFromCells(line, [nik, kk, nama, 'Kp. Cibeber', '32.01.14.2001', aksi, '', '9000000000000001'])

const NIK_A = '3201140107800001'
const KK_A = '3201140101100001'
const NIK_B = '3201140107800002'
const KK_B = '3201140101100002'

const desa = (rows: VervalRow[]): PartSource => ({
  id: '32.01.14.2001',
  label: 'Desa Leuwiliang (musdes 2026-11-20)',
  rows,
})
const tksk = (rows: VervalRow[]): PartSource => ({ id: 'tksk', label: 'TKSK', rows })

describe('composing a kecamatan batch from the desa parts and the TKSK rows', () => {
  it('numbers the rows as one sheet, source after source, and says which lines came from where', () => {
    const result = composeParts([desa([row(2, NIK_A, KK_A)]), tksk([row(2, NIK_B, KK_B), row(3, '', '')])])
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.rows.map((r) => [r.line, r.nik])).toEqual([
      [2, NIK_A],
      [3, NIK_B],
      [4, ''],
    ])
    expect(result.sources).toEqual([
      {
        id: '32.01.14.2001',
        label: 'Desa Leuwiliang (musdes 2026-11-20)',
        firstLine: 2,
        lastLine: 2,
        rows: 1,
        duplicates: 0,
      },
      { id: 'tksk', label: 'TKSK', firstLine: 3, lastLine: 4, rows: 2, duplicates: 0 },
    ])
  })

  it('takes a family both sources report with the same row once', () => {
    const result = composeParts([desa([row(2, NIK_A, KK_A)]), tksk([row(5, NIK_A, KK_A)])])
    expect(result.ok && result.rows).toHaveLength(1)
    expect(result.ok && result.sources[1]).toEqual({ id: 'tksk', label: 'TKSK', rows: 0, duplicates: 1 })
  })

  it('refuses a family reported with another aksi, naming both sources and lines with the NIK masked', () => {
    const result = composeParts([desa([row(2, NIK_A, KK_A)]), tksk([row(7, NIK_A, KK_A, 'HAPUS')])])
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.conflicts).toEqual([
      {
        sourceId: 'tksk',
        line: 7,
        field: 'nik',
        message:
          'NIK 320114******0001 ada di Desa Leuwiliang (musdes 2026-11-20) baris 2 dan di TKSK baris 7 (aksi BARU lawan HAPUS).',
      },
      {
        sourceId: 'tksk',
        line: 7,
        field: 'no_kk',
        message:
          'Nomor KK 320114******0001 ada di Desa Leuwiliang (musdes 2026-11-20) baris 2 dan di TKSK baris 7 (aksi BARU lawan HAPUS).',
      },
    ])
  })

  it('refuses a KK two sources give to different people, even with the same aksi', () => {
    const result = composeParts([desa([row(2, NIK_A, KK_A)]), tksk([row(3, NIK_B, KK_A, 'BARU', 'Lain')])])
    expect(
      !result.ok && result.conflicts.map((c) => [c.field, c.message.endsWith('(data berbeda).')]),
    ).toEqual([['no_kk', true]])
  })

  it('leaves a NIK repeated inside one source to the validation of the file', () => {
    const result = composeParts([tksk([row(2, NIK_A, KK_A), row(3, NIK_A, KK_B, 'UBAH')])])
    expect(result.ok && result.rows).toHaveLength(2)
  })
})
