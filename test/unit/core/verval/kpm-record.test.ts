import { describe, expect, it } from 'vitest'
import { applyRowTo, kpmView } from '../../../../functions/core/verval/kpm-record'
import { row } from './fixtures'

const change = (batchId: string, refs = {}) => ({
  program: 'BPNT',
  kecamatan: '32.01.14',
  nikRef: 'nik-ref',
  kkRef: 'kk-ref',
  batchId,
  period: '2026-11',
  at: '2026-11-20T03:00:00.000Z',
  protectedRefs: refs,
})

const CHAIN = {
  id_dtsen_keluarga: '3201140012345678901',
  id_dtsen_pengurus: 'P-3201140012345',
  no_peserta_pkh: '320114000123',
  status_pkh: 'AKTIF',
  tempat_lahir: 'Bogor',
  no_rekening: '0123456789012',
  nama_ibu_kandung: 'Ratna Dewi',
}

describe('the registry record of a family with the chain’s columns', () => {
  const first = applyRowTo(undefined, row(CHAIN), change('B1', { noRekening: 'r1', namaIbuKandung: 'm1' }))

  it('keeps the DTSEN ids, PKH number and status and birth place as given, the account and mother’s name masked', () => {
    expect(first).toMatchObject({
      idDtsenKeluarga: '3201140012345678901',
      idDtsenPengurus: 'P-3201140012345',
      noPesertaPkh: '320114000123',
      statusPkh: 'AKTIF',
      tempatLahir: 'Bogor',
      noRekening: '*********9012',
      namaIbuKandung: 'R. D.',
    })
    expect(JSON.stringify(first)).not.toContain('0123456789012')
    expect(JSON.stringify(first)).not.toContain('Ratna')
  })

  it('the public view leaves out the refs of the protected values', () => {
    expect(kpmView(first)).not.toHaveProperty('protectedRefs')
    expect(first.protectedRefs).toEqual({ noRekening: 'r1', namaIbuKandung: 'm1' })
  })

  it('an UBAH to another account with the same last four digits is a change, told by the ref', () => {
    const next = applyRowTo(
      first,
      row({ ...CHAIN, aksi: 'UBAH', no_rekening: '9999999999012' }),
      change('B2', { noRekening: 'r2', namaIbuKandung: 'm1' }),
    )
    expect(next.noRekening).toBe('*********9012')
    expect(next.history.at(-1)).toMatchObject({ batchId: 'B2', aksi: 'UBAH', changed: ['no_rekening'] })
  })

  it('an UBAH of the PKH status names that column in the history', () => {
    const next = applyRowTo(
      first,
      row({ ...CHAIN, aksi: 'UBAH', status_pkh: 'GRADUASI_MANDIRI' }),
      change('B2', { noRekening: 'r1', namaIbuKandung: 'm1' }),
    )
    expect(next.statusPkh).toBe('GRADUASI_MANDIRI')
    expect(next.history.at(-1)?.changed).toEqual(['status_pkh'])
  })

  it('a HAPUS keeps the chain’s values the family had', () => {
    const removed = applyRowTo(first, row({ aksi: 'HAPUS', alasan: 'MAMPU' }), change('B2'))
    expect(removed).toMatchObject({ status: 'REMOVED', noRekening: '*********9012', statusPkh: 'AKTIF' })
    expect(removed.protectedRefs).toEqual({ noRekening: 'r1', namaIbuKandung: 'm1' })
  })

  it('a family of the base template has none of the chain’s fields, and a TETAP-like UBAH changes nothing', () => {
    const plain = applyRowTo(undefined, row(), change('B1'))
    expect(plain).not.toHaveProperty('noRekening')
    expect(plain).not.toHaveProperty('protectedRefs')
    const again = applyRowTo(plain, row({ aksi: 'UBAH' }), change('B2'))
    expect(again.history.at(-1)).not.toHaveProperty('changed')
  })
})
