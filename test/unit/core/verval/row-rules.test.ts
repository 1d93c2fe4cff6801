import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ALASAN_HAPUS } from '../../../../functions/core/verval/columns'
import { rowErrors } from '../../../../functions/core/verval/row-rules'
import { validNik } from '../identity/arbitraries'
import { context, row } from './fixtures'

const codes = (errors: { field: string; code: string }[]) => errors.map((e) => `${e.field}:${e.code}`)

describe('a verval row on its own', () => {
  it('a complete BARU row of a Leuwiliang family is sound', () => {
    expect(rowErrors(row(), context())).toEqual([])
  })

  it('errors carry the spreadsheet line of the row', () => {
    const [error] = rowErrors(row({ line: 17, nik: '123' }), context())
    expect(error).toMatchObject({ row: 17, field: 'nik', code: 'NIK_FORMAT' })
  })

  it.each([
    ['a NIK of 15 digits', { nik: '320114450780000' }, 'nik:NIK_FORMAT'],
    ['a NIK from a province that never existed', { nik: '9999994507800001' }, 'nik:NIK_REGION'],
    ['a NIK with no real birth date', { nik: '3201143213800001' }, 'nik:NIK_DATE'],
    ['a NIK with serial 0000', { nik: '3201144507800000' }, 'nik:NIK_SERIAL'],
    ['a KK with letters', { no_kk: '32011401011000AB' }, 'no_kk:KK_FORMAT'],
    ['a KK dated with the +40 of a woman', { no_kk: '3201144101100001' }, 'no_kk:KK_DATE'],
    ['a blank name', { nama: '' }, 'nama:NAMA_REQUIRED'],
    ['an address over 200 characters', { alamat: 'x'.repeat(201) }, 'alamat:ALAMAT_TOO_LONG'],
    ['an unknown desa', { kode_desa: '32.01.14.9999' }, 'kode_desa:DESA_UNKNOWN'],
    ['a desa of Ciampea', { kode_desa: '32.01.15.2001' }, 'kode_desa:DESA_OUTSIDE_KECAMATAN'],
    ['an aksi outside the list', { aksi: 'TAMBAH' }, 'aksi:AKSI_INVALID'],
    ['a lower-case aksi', { aksi: 'baru' }, 'aksi:AKSI_INVALID'],
    ['a HAPUS without alasan', { aksi: 'HAPUS' }, 'alasan:ALASAN_REQUIRED'],
    ['a HAPUS with an unknown alasan', { aksi: 'HAPUS', alasan: 'LUPA' }, 'alasan:ALASAN_INVALID'],
    ['an alasan on a BARU', { alasan: 'MAMPU' }, 'alasan:ALASAN_UNEXPECTED'],
    ['a BPNT row without KKS', { no_kks: '' }, 'no_kks:KKS_REQUIRED'],
    ['a KKS of 15 digits', { no_kks: '123456789012345' }, 'no_kks:KKS_FORMAT'],
  ])('%s is reported', (_, overrides, expected) => {
    expect(codes(rowErrors(row(overrides), context()))).toEqual([expected])
  })

  it('a NIK and KK of a kecamatan gone from today’s list (a region split since) are no row error', () => {
    expect(rowErrors(row({ nik: '3201994507800001', no_kk: '3201990101100001' }), context())).toEqual([])
  })

  it('PKH needs the KKS as BPNT does; PBI does not', () => {
    expect(codes(rowErrors(row({ no_kks: '' }), context({ program: 'PKH' })))).toEqual([
      'no_kks:KKS_REQUIRED',
    ])
    expect(rowErrors(row({ no_kks: '' }), context({ program: 'PBI' }))).toEqual([])
  })

  it('every alasan of the list is accepted on a HAPUS', () => {
    for (const alasan of ALASAN_HAPUS)
      expect(rowErrors(row({ aksi: 'HAPUS', alasan }), context())).toEqual([])
  })

  it('any structurally valid NIK of a known kecamatan passes, whatever the sex and date', () => {
    fc.assert(fc.property(validNik, ({ nik }) => rowErrors(row({ nik }), context()).length === 0))
  })

  it('no row ever gets an error without a line, a column, a code and an Indonesian message', () => {
    const cell = fc.oneof(fc.constant(''), fc.string({ maxLength: 20 }), fc.stringMatching(/^\d{16}$/))
    fc.assert(
      fc.property(
        fc.record({
          nik: cell,
          no_kk: cell,
          nama: cell,
          kode_desa: cell,
          aksi: cell,
          alasan: cell,
          no_kks: cell,
        }),
        fc.integer({ min: 2, max: 20_001 }),
        (cells, line) => {
          for (const error of rowErrors(row({ ...cells, line }), context())) {
            expect(error.row).toBe(line)
            expect(error.field).toMatch(/^(nik|no_kk|nama|alamat|kode_desa|aksi|alasan|no_kks)$/)
            expect(error.code).toMatch(/^[A-Z_]+$/)
            expect(error.message.length).toBeGreaterThan(5)
          }
        },
      ),
    )
  })
})
