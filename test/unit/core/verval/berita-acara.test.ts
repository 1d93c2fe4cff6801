import { describe, expect, it } from 'vitest'
import type { StoredRow } from '../../../../functions/core/verval/batch-record'
import {
  beritaAcaraFigures,
  type BeritaAcaraRevision,
  beritaAcaraScopeSchema,
  birthYearOfNik,
  inScope,
  issueVerdict,
  signVerdict,
} from '../../../../functions/core/verval/berita-acara'
import { rowFromCells } from '../../../../functions/core/verval/verval-row'

// Every column empty (the chain's optional ones included), then what the test says.
const row = (index: number, overrides: Partial<StoredRow>): StoredRow => ({
  ...rowFromCells(index + 1, []),
  index,
  repeats: [],
  nik: '3201144507800001',
  no_kk: '3201140101100001',
  nama: `Keluarga ${index}`,
  kode_desa: '32.01.14.2001',
  aksi: 'BARU',
  ...overrides,
})

const revision = (overrides: Partial<BeritaAcaraRevision> = {}): BeritaAcaraRevision => ({
  area: '32.01',
  program: 'BPNT',
  period: '2026-12',
  code: 'ABCDEFGHJKMNPQRS',
  revision: 1,
  batchIds: ['b-1'],
  kecamatans: ['32.01.14'],
  totals: { TETAP: 0, BARU: 1, UBAH: 0, HAPUS: 0 },
  issuedAt: '2026-12-20T03:00:00.000Z',
  issuedBy: { id: 'u-1', role: 'dinsos' },
  ...overrides,
})

describe('the Berita Acara figures', () => {
  it('count every row by desa and aksi, and list all but TETAP with masked numbers and the birth year only', () => {
    const figures = beritaAcaraFigures('2026-12', [
      {
        batch: { kecamatan: '32.01.14' },
        rows: [
          row(1, { aksi: 'TETAP' }),
          row(2, { aksi: 'HAPUS', alasan: 'PINDAH', kode_desa: '32.01.14.2002', nik: '3201140101050002' }),
          row(3, { aksi: 'BARU', nama: 'Ani' }),
        ],
      },
    ])
    expect(figures.totals).toEqual({ TETAP: 1, BARU: 1, UBAH: 0, HAPUS: 1 })
    expect(figures.byDesa.map((t) => [t.desa, t.counts])).toEqual([
      ['32.01.14.2001', { TETAP: 1, BARU: 1, UBAH: 0, HAPUS: 0 }],
      ['32.01.14.2002', { TETAP: 0, BARU: 0, UBAH: 0, HAPUS: 1 }],
    ])
    expect(figures.changes).toEqual([
      expect.objectContaining({ nama: 'Ani', aksi: 'BARU', nik: '320114******0001', birthYear: 1980 }),
      expect.objectContaining({ aksi: 'HAPUS', alasan: 'PINDAH', nik: '320114******0002', birthYear: 2005 }),
    ])
    expect(JSON.stringify(figures)).not.toContain('4507800001')
  })

  it('read a two-digit birth year after the period’s year as the previous century, and no date as none', () => {
    expect(birthYearOfNik('3201144507260001', '2026-12')).toBe(2026)
    expect(birthYearOfNik('3201144507270001', '2026-12')).toBe(1927)
    expect(birthYearOfNik('320114******0001', '2026-12')).toBeNull()
  })

  it('take a kecamatan’s batches for its own scope and the kabupaten’s roll-up, never another kabupaten’s', () => {
    const batch = { kecamatan: '32.01.14', program: 'BPNT' as const, period: '2026-12' }
    expect(inScope({ area: '32.01.14', program: 'BPNT', period: '2026-12' }, batch)).toBe(true)
    expect(inScope({ area: '32.01', program: 'BPNT', period: '2026-12' }, batch)).toBe(true)
    expect(inScope({ area: '32.02', program: 'BPNT', period: '2026-12' }, batch)).toBe(false)
    expect(inScope({ area: '32.01', program: 'PKH', period: '2026-12' }, batch)).toBe(false)
  })

  it('accept a kecamatan or kabupaten scope only, naming the field', () => {
    const bad = beritaAcaraScopeSchema.safeParse({ area: '32', program: 'BPNT', period: '2026-13' })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['area', 'period'])
  })
})

describe('issuing and signing a Berita Acara', () => {
  it('issues nothing without an approved batch, the same revision for the same batches, the next for others', () => {
    expect(issueVerdict(undefined, [])).toEqual({ kind: 'nothing-approved' })
    expect(issueVerdict(undefined, ['b-1'])).toEqual({ kind: 'issue', revision: 1 })
    const current = revision({ batchIds: ['b-1', 'b-2'] })
    expect(issueVerdict(current, ['b-2', 'b-1'])).toEqual({ kind: 'same', current })
    expect(issueVerdict(current, ['b-1', 'b-2', 'b-3'])).toEqual({ kind: 'issue', revision: 2 })
  })

  it('signs a revision once, and never one a correction replaced', () => {
    expect(signVerdict(revision())).toEqual({ kind: 'sign' })
    const signature = {
      signedOn: '2026-12-21',
      signerName: 'Bupati',
      scanReference: 'ARSIP/1',
      recordedAt: '2026-12-21T03:00:00.000Z',
      recordedBy: { id: 'u-1', role: 'dinsos' },
    }
    expect(signVerdict(revision({ signature }))).toEqual({ kind: 'already-signed', signature })
    expect(signVerdict(revision({ supersededBy: 2 }))).toEqual({ kind: 'superseded' })
  })
})
