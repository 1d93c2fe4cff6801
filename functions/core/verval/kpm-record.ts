/**
 * A KPM (beneficiary family) of a program as the registry keeps it (DESIGN §1): keyed
 * by the program, kecamatan and the `nikRef` of the pengurus; the NIK and KK only
 * masked. Its `history` says which batch changed what; the full trail is its audit chain.
 */
import { maskNik } from '../identity/mask'
import type { Aksi, AlasanHapus } from './columns'
import type { VervalRow } from './verval-row'

export type KpmStatus = 'ACTIVE' | 'REMOVED' | 'MOVED'

export interface KpmChange {
  batchId: string
  period: string
  aksi: Aksi | 'PINDAH_KELUAR'
  at: string
  alasan?: string
  /** Fields whose value changed (UBAH). */
  changed?: string[]
}

export interface KpmRecord {
  program: string
  kecamatan: string
  nikRef: string
  kkRef: string
  nik: string
  noKk: string
  nama: string
  alamat: string
  kodeDesa: string
  noKks: string
  status: KpmStatus
  alasan?: AlasanHapus
  movedTo?: string
  movedFrom?: string
  lastBatchId: string
  updatedAt: string
  history: KpmChange[]
}

/** The history kept on the record itself (the audit chain keeps all of it). */
export const HISTORY_KEPT = 36

const FIELDS = [
  ['noKk', 'no_kk'],
  ['nama', 'nama'],
  ['alamat', 'alamat'],
  ['kodeDesa', 'kode_desa'],
  ['noKks', 'no_kks'],
] as const

/** What the row does to the KPM record (`previous` absent for a family new to this kecamatan). */
export const applyRowTo = (
  previous: KpmRecord | undefined,
  row: VervalRow,
  change: {
    program: string
    kecamatan: string
    nikRef: string
    kkRef: string
    batchId: string
    period: string
    at: string
    movedFrom?: string
  },
): KpmRecord => {
  const fields = {
    noKk: maskNik(row.no_kk),
    nama: row.nama,
    alamat: row.alamat,
    kodeDesa: row.kode_desa,
    noKks: row.no_kks === '' ? '' : maskNik(row.no_kks),
  }
  const changed = previous
    ? FIELDS.filter(([field]) => previous[field] !== fields[field]).map(([, column]) => column)
    : []
  const entry: KpmChange = {
    batchId: change.batchId,
    period: change.period,
    aksi: row.aksi as Aksi,
    at: change.at,
    ...(row.aksi === 'HAPUS' ? { alasan: row.alasan } : {}),
    ...(changed.length > 0 && row.aksi === 'UBAH' ? { changed } : {}),
  }
  const kept =
    row.aksi === 'HAPUS' && previous
      ? {
          noKk: previous.noKk,
          nama: previous.nama,
          alamat: previous.alamat,
          kodeDesa: previous.kodeDesa,
          noKks: previous.noKks,
        }
      : fields
  return {
    program: change.program,
    kecamatan: change.kecamatan,
    nikRef: change.nikRef,
    kkRef: change.kkRef,
    nik: maskNik(row.nik),
    ...kept,
    status: row.aksi === 'HAPUS' ? 'REMOVED' : 'ACTIVE',
    ...(row.aksi === 'HAPUS' ? { alasan: row.alasan as AlasanHapus } : {}),
    ...(change.movedFrom ? { movedFrom: change.movedFrom } : {}),
    lastBatchId: change.batchId,
    updatedAt: change.at,
    history: [...(previous?.history ?? []), entry].slice(-HISTORY_KEPT),
  }
}

/** The record left behind in the old kecamatan when the family moved away. */
export const movedAway = (
  previous: KpmRecord,
  to: string,
  change: { batchId: string; period: string; at: string },
): KpmRecord => ({
  ...previous,
  status: 'MOVED',
  movedTo: to,
  lastBatchId: change.batchId,
  updatedAt: change.at,
  history: [
    ...previous.history,
    { batchId: change.batchId, period: change.period, aksi: 'PINDAH_KELUAR' as const, at: change.at },
  ].slice(-HISTORY_KEPT),
})

/** The public view in `GET /api/kpm`. */
export const kpmView = (record: KpmRecord) => {
  const { nikRef: _n, kkRef: _k, ...rest } = record
  return rest
}
