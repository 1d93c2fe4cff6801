import { describe, expect, it } from 'vitest'
import {
  NATIONAL_LAYOUT,
  nationalCsv,
  nationalLayoutSchema,
  nationalTable,
  type ExportedBatch,
} from '../../../../functions/core/verval/national-export'
import { row } from './fixtures'

const CHAIN = {
  id_dtsen_keluarga: '3201140012345678901',
  id_dtsen_pengurus: 'P-3201140012345',
  no_peserta_pkh: '320114000123',
  status_pkh: 'AKTIF',
  tempat_lahir: 'Bogor',
  no_rekening: '0123456789012',
  nama_ibu_kandung: 'Ratna Dewi',
}

const batch = (kecamatan: string, rows: ExportedBatch['rows']): ExportedBatch => ({
  batchId: `B-${kecamatan}`,
  program: 'BPNT',
  period: '2026-11',
  kecamatan,
  rows,
})

const column = (table: { header: string[]; rows: string[][] }, header: string) => {
  const index = table.header.indexOf(header)
  expect(index, header).toBeGreaterThanOrEqual(0)
  return table.rows.map((cells) => cells[index])
}

describe('the national export of approved changes', () => {
  const table = nationalTable([
    batch('32.01.15', [row({ line: 2, nik: '3201154507800009', kode_desa: '32.01.15.2001' })]),
    batch('32.01.14', [
      row({ line: 4, aksi: 'HAPUS', alasan: 'MENINGGAL', nik: '3201144507800003' }),
      row({ line: 2, ...CHAIN }),
      row({ line: 3, aksi: 'TETAP', nik: '3201144507800002' }),
    ]),
  ])

  it('has the layout’s headers in the layout’s order', () => {
    expect(table.header).toEqual(NATIONAL_LAYOUT.columns.map((c) => c.header))
  })

  it('carries changes only, by kecamatan then sheet line, numbered from 1', () => {
    expect(column(table, 'NIK_PENGURUS')).toEqual([
      '3201144507800001',
      '3201144507800003',
      '3201154507800009',
    ])
    expect(column(table, 'NO')).toEqual(['1', '2', '3'])
  })

  it('names each change in the national words and keeps the reason of a removal', () => {
    expect(column(table, 'STATUS_PERUBAHAN')).toEqual(['TAMBAH', 'HAPUS', 'TAMBAH'])
    expect(column(table, 'ALASAN_PERUBAHAN')).toEqual(['', 'MENINGGAL', ''])
  })

  it('writes the area codes without dots, each level from the desa', () => {
    expect(column(table, 'KODE_PROVINSI')).toEqual(['32', '32', '32'])
    expect(column(table, 'KODE_KABUPATEN')).toEqual(['3201', '3201', '3201'])
    expect(column(table, 'KODE_KECAMATAN')).toEqual(['320114', '320114', '320115'])
    expect(column(table, 'KODE_DESA')).toEqual(['3201142001', '3201142001', '3201152001'])
  })

  it('holds the protected values in full: the national upload needs them', () => {
    expect(column(table, 'NO_REKENING')[0]).toBe('0123456789012')
    expect(column(table, 'NAMA_IBU_KANDUNG')[0]).toBe('Ratna Dewi')
    expect(nationalCsv(table)).toContain('3201144507800001')
  })

  it('a new layout is data: another column map gives another file from the same rows', () => {
    const layout = nationalLayoutSchema.parse({
      ...NATIONAL_LAYOUT,
      id: 'test',
      aksi: { BARU: 'B', UBAH: 'U', HAPUS: 'H' },
      columns: [
        { header: 'NIK', from: 'cell:nik' },
        { header: 'JENIS', from: 'aksi' },
        { header: 'BANSOS', from: 'batch:program' },
      ],
    })
    const other = nationalTable([batch('32.01.14', [row()])], layout)
    expect(other).toEqual({ header: ['NIK', 'JENIS', 'BANSOS'], rows: [['3201144507800001', 'B', 'BPNT']] })
  })

  it('a column map naming a source that does not exist is refused when it is read', () => {
    const broken = { ...NATIONAL_LAYOUT, columns: [{ header: 'X', from: 'cell:telepon' }] }
    expect(nationalLayoutSchema.safeParse(broken).success).toBe(false)
  })

  it('the CSV keeps a cell a spreadsheet would run as a formula inert', () => {
    const csv = nationalCsv(nationalTable([batch('32.01.14', [row({ alamat: '=HYPERLINK("x")' })])]))
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`)
  })
})
