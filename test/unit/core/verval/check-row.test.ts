import { describe, expect, it } from 'vitest'
import { checkRow } from '../../../../functions/core/verval/check-row'
import { context, LEUWILIANG, row } from './fixtures'

const notHere = { activeHere: false }
const here = { activeHere: true }

describe('a row against the KPM registry', () => {
  it('a BARU of a NIK unknown to the registry adds a KPM', () => {
    expect(checkRow(row(), context(), [], notHere)).toEqual({ errors: [], effect: 'added' })
  })

  it('a BARU of a NIK already active here is refused', () => {
    expect(checkRow(row(), context(), [], here).errors.map((e) => e.code)).toEqual(['KPM_ALREADY_ACTIVE'])
  })

  it('a BARU of a NIK active in Ciampea is a move from Ciampea', () => {
    expect(checkRow(row(), context(), [], { activeHere: false, activeIn: '32.01.15' })).toEqual({
      errors: [],
      effect: 'added',
      movedFrom: '32.01.15',
    })
  })

  it('a BARU of a family whose NIK carries a kecamatan code gone since a split is added and flagged', () => {
    expect(checkRow(row({ nik: '3201994507800001' }), context(), [], notHere)).toEqual({
      errors: [],
      effect: 'added',
      oldRegion: true,
    })
  })

  it('a BARU whose KK is the active KPM of another NIK is refused', () => {
    const verdict = checkRow(row(), context(), [], { activeHere: false, kkHeldByOther: true })
    expect(verdict.errors.map((e) => `${e.field}:${e.code}`)).toEqual(['no_kk:KK_ALREADY_ACTIVE'])
  })

  it.each([
    ['UBAH', 'updated'],
    ['HAPUS', 'removed'],
    ['TETAP', 'unchanged'],
  ] as const)('a %s of an active KPM here counts as %s', (aksi, effect) => {
    const alasan = aksi === 'HAPUS' ? 'MENINGGAL' : ''
    expect(checkRow(row({ aksi, alasan }), context(), [], here)).toEqual({ errors: [], effect })
  })

  it.each(['UBAH', 'HAPUS', 'TETAP'])('a %s of a NIK not active here is refused', (aksi) => {
    const alasan = aksi === 'HAPUS' ? 'PINDAH' : ''
    const verdict = checkRow(row({ aksi, alasan }), context(), [], {
      activeHere: false,
      activeIn: '32.01.15',
    })
    expect(verdict.errors.map((e) => e.code)).toEqual(['KPM_NOT_FOUND'])
  })

  it('a malformed row is reported as malformed, not also against the registry', () => {
    const verdict = checkRow(row({ nik: '12' }), context(), [], undefined)
    expect(verdict.errors.map((e) => e.code)).toEqual(['NIK_FORMAT'])
  })

  it('a repeated NIK is an error of the row even when the row is otherwise sound', () => {
    const verdict = checkRow(row({ line: 9 }), context(), [{ line: 9, field: 'nik', firstLine: 3 }], notHere)
    expect(verdict.errors).toEqual([
      { row: 9, field: 'nik', code: 'NIK_REPEATED', message: 'NIK sudah tercantum di baris 3.' },
    ])
    expect(LEUWILIANG).toBe('32.01.14')
  })
})

describe('a KPM is never registered without a NIK (issue 15)', () => {
  it.each([
    ['an empty NIK', ''],
    ['a NIK written as unknown', 'TIDAK ADA'],
  ])('a BARU with %s is refused on the nik column, whatever else the row holds', (_name, nik) => {
    const verdict = checkRow(row({ nik }), context(), [], notHere)
    expect(verdict.errors.map((e) => e.field)).toContain('nik')
    expect(verdict.effect).not.toBe('added')
  })
})
