import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diffBatches } from '../../../../functions/core/verval/batch-diff'
import type { VervalRow } from '../../../../functions/core/verval/verval-row'
import { BLANK_CHAIN } from './fixtures'

const row = (line: number, n: number, overrides: Partial<VervalRow> = {}): VervalRow => ({
  line,
  nik: `32011401078000${String(n).padStart(2, '0')}`,
  no_kk: `32011401011000${String(n).padStart(2, '0')}`,
  nama: `Keluarga ${n}`,
  alamat: 'Kp. Cibeber',
  kode_desa: '32.01.14.2001',
  aksi: 'TETAP',
  alasan: '',
  no_kks: '',
  ...BLANK_CHAIN,
  ...overrides,
})

describe('the diff of a batch against the previous applied batch', () => {
  it('lists a family new on this list as added, with its NIK masked', () => {
    const diff = diffBatches([row(2, 1)], [row(2, 1), row(3, 2, { aksi: 'BARU' })])
    expect(diff.added).toEqual([
      { line: 3, nik: '320114******0002', nama: 'Keluarga 2', kodeDesa: '32.01.14.2001' },
    ])
    expect(diff.removed).toEqual([])
    expect(diff.changed).toEqual([])
    expect(diff.missing).toEqual([])
  })

  it('leaves out the rows with an error, as the summary does, without calling their families missing', () => {
    const diff = diffBatches(
      [row(2, 1), row(3, 2)],
      [
        row(2, 1, { aksi: 'UBAH', alamat: 'Kp. Baru', kode_desa: '32.01.15.2001' }),
        row(3, 2),
        row(4, 3, { aksi: 'BARU' }),
        row(5, 4, { aksi: 'BARU', nik: '12345' }),
        // A repeated NIK is refused on its second line: the first still counts.
        row(6, 3, { aksi: 'BARU' }),
      ],
      new Set([2, 5, 6]),
    )
    expect(diff.added.map((f) => f.line)).toEqual([4])
    expect(diff.changed).toEqual([])
    expect(diff.missing).toEqual([])
  })

  it('lists a family marked HAPUS now as removed, and one left out of the file as missing', () => {
    const diff = diffBatches(
      [row(2, 1), row(3, 2), row(4, 3)],
      [row(2, 1, { aksi: 'HAPUS', alasan: 'MENINGGAL' }), row(3, 2)],
    )
    expect(diff.removed.map((f) => f.nik)).toEqual(['320114******0001'])
    expect(diff.missing.map((f) => f.nik)).toEqual(['320114******0003'])
    expect(diff.added).toEqual([])
  })

  it('names the columns that changed for a family on both lists', () => {
    const diff = diffBatches(
      [row(2, 1)],
      [row(5, 1, { aksi: 'UBAH', alamat: 'Kp. Baru', nama: 'Keluarga Satu' })],
    )
    expect(diff.changed).toEqual([
      {
        line: 5,
        nik: '320114******0001',
        nama: 'Keluarga Satu',
        kodeDesa: '32.01.14.2001',
        fields: ['nama', 'alamat'],
      },
    ])
  })

  it('names a changed bank account or PKH status by its column, never by its value', () => {
    const diff = diffBatches(
      [row(2, 1, { no_rekening: '0021000201201', status_pkh: 'AKTIF', no_peserta_pkh: 'P1234567' })],
      [
        row(2, 1, {
          aksi: 'UBAH',
          no_rekening: '9990000201201',
          status_pkh: 'DITANGGUHKAN',
          no_peserta_pkh: 'P1234567',
        }),
      ],
    )
    expect(diff.changed.map((f) => f.fields)).toEqual([['status_pkh', 'no_rekening']])
    expect(JSON.stringify(diff)).not.toContain('201201')
  })

  it('treats a family removed before and listed again as added', () => {
    const diff = diffBatches([row(2, 1, { aksi: 'HAPUS', alasan: 'PINDAH' })], [row(2, 1, { aksi: 'BARU' })])
    expect(diff.added.map((f) => f.line)).toEqual([2])
  })

  it('against no previous batch, every listed family is added and nothing else', () => {
    const diff = diffBatches([], [row(2, 1), row(3, 2, { aksi: 'HAPUS', alasan: 'MAMPU' })])
    expect(diff.added.map((f) => f.line)).toEqual([2])
    expect(diff.removed).toEqual([])
  })

  it('a batch compared with itself changes nothing', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 99 }), { maxLength: 30 }),
        fc.array(fc.constantFrom('TETAP', 'BARU', 'UBAH', 'HAPUS'), { minLength: 30, maxLength: 30 }),
        (ns, actions) => {
          const rows = ns.map((n, i) => row(i + 2, n, { aksi: actions[i] ?? 'TETAP' }))
          expect(diffBatches(rows, rows)).toEqual({ added: [], removed: [], missing: [], changed: [] })
        },
      ),
    )
  })

  it('every family listed now is either added, changed or unchanged, never counted twice', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 25 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 25 }),
        fc.boolean(),
        (before, after, rename) => {
          const previous = before.map((n, i) => row(i + 2, n))
          const current = after.map((n, i) => row(i + 2, n, rename && n % 2 === 0 ? { nama: 'Lain' } : {}))
          const diff = diffBatches(previous, current)
          const seen = [...diff.added, ...diff.changed].map((f) => f.nik)
          expect(new Set(seen).size).toBe(seen.length)
          expect(diff.added.length).toBe(after.filter((n) => !before.includes(n)).length)
          expect(diff.missing.length).toBe(before.filter((n) => !after.includes(n)).length)
        },
      ),
    )
  })
})
