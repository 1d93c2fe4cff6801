import { describe, expect, it } from 'vitest'
import { STATUS_PKH } from '../../../../functions/core/verval/columns'
import { rowErrors } from '../../../../functions/core/verval/row-rules'
import { context, row } from './fixtures'

const codes = (errors: { field: string; code: string }[]) => errors.map((e) => `${e.field}:${e.code}`)

const CHAIN = {
  id_dtsen_keluarga: '3201140012345678901',
  id_dtsen_pengurus: 'P-3201140012345',
  no_peserta_pkh: '320114000123',
  status_pkh: 'AKTIF',
  tempat_lahir: 'Bogor',
  no_rekening: '0123456789012',
  nama_ibu_kandung: 'Aminah',
}

describe('the chain’s columns of a verval row', () => {
  it('a row with every chain column filled as the national system takes them is sound', () => {
    expect(rowErrors(row(CHAIN), context())).toEqual([])
  })

  it('every chain column may be left blank', () => {
    expect(rowErrors(row(), context())).toEqual([])
  })

  it('every status of the fixed PKH list is accepted with a participant number', () => {
    for (const status_pkh of STATUS_PKH)
      expect(rowErrors(row({ ...CHAIN, status_pkh }), context())).toEqual([])
  })

  it.each([
    ['a DTSEN id with a space', { id_dtsen_keluarga: '3201 140012' }, 'id_dtsen_keluarga:DTSEN_FORMAT'],
    ['a DTSEN id in lower case', { id_dtsen_pengurus: 'p-3201140012' }, 'id_dtsen_pengurus:DTSEN_FORMAT'],
    ['a DTSEN id of five characters', { id_dtsen_keluarga: '12345' }, 'id_dtsen_keluarga:DTSEN_FORMAT'],
    ['a formula in the DTSEN id', { id_dtsen_keluarga: '=HYPERLINK("x")' }, 'id_dtsen_keluarga:DTSEN_FORMAT'],
    ['a PKH status outside the list', { status_pkh: 'AKTIF_KEMBALI' }, 'status_pkh:STATUS_PKH_INVALID'],
    [
      'a PKH status without a participant number',
      { no_peserta_pkh: '' },
      'no_peserta_pkh:PKH_NUMBER_REQUIRED',
    ],
    ['a PKH participant number without a status', { status_pkh: '' }, 'status_pkh:STATUS_PKH_REQUIRED'],
    [
      'a PKH participant number with a dot',
      { no_peserta_pkh: '3201.14' },
      'no_peserta_pkh:PKH_NUMBER_FORMAT',
    ],
    ['a bank account with dashes', { no_rekening: '0123-4567-8901' }, 'no_rekening:REKENING_FORMAT'],
    ['a bank account of seven digits', { no_rekening: '1234567' }, 'no_rekening:REKENING_FORMAT'],
    [
      'a birth place over 60 characters',
      { tempat_lahir: 'x'.repeat(61) },
      'tempat_lahir:TEMPAT_LAHIR_TOO_LONG',
    ],
    [
      'a mother’s name over 100 characters',
      { nama_ibu_kandung: 'x'.repeat(101) },
      'nama_ibu_kandung:NAMA_IBU_TOO_LONG',
    ],
  ])('%s is reported on its column', (_, overrides, expected) => {
    expect(codes(rowErrors(row({ ...CHAIN, ...overrides }), context()))).toEqual([expected])
  })

  it('a bank account or DTSEN id stored as a number cell is the number-cell error only', () => {
    const errors = rowErrors(
      row({ ...CHAIN, no_rekening: '123456789012', numberColumns: ['no_rekening', 'id_dtsen_keluarga'] }),
      context(),
    )
    expect(codes(errors)).toEqual(['id_dtsen_keluarga:NUMBER_CELL', 'no_rekening:NUMBER_CELL'])
  })

  it('no error message quotes the protected value it refuses', () => {
    const errors = rowErrors(
      row({ ...CHAIN, no_rekening: '9988-7766-5544', nama_ibu_kandung: 'y'.repeat(101) }),
      context(),
    )
    expect(errors).toHaveLength(2)
    for (const error of errors) {
      expect(error.message).not.toContain('9988')
      expect(error.message).not.toContain('yyyy')
    }
  })
})
