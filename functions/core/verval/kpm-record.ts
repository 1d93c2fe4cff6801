/**
 * A KPM (beneficiary family) of a program as the registry keeps it (DESIGN §1): keyed
 * by the program, kecamatan and the `nikRef` of the pengurus; the NIK and KK only
 * masked. Its `history` says which batch changed what; the full trail is its audit chain.
 */
import { maskNik } from '../identity/mask'
import { maskAccount, maskName } from '../identity/mask-protected'
import type { Aksi, AlasanHapus, VervalColumn } from './columns'
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
  /** The chain's columns (issue 21, ADR 0034); absent on records last written before them. */
  idDtsenKeluarga?: string
  idDtsenPengurus?: string
  noPesertaPkh?: string
  statusPkh?: string
  tempatLahir?: string
  /** Masked (`maskAccount`): the full number stays in the batch's packed rows. */
  noRekening?: string
  /** Masked (`maskName`). */
  namaIbuKandung?: string
  /**
   * HMAC of the protected values (like `nikRef`), so a change is seen even where the
   * masks agree; never shown (`kpmView`).
   */
  protectedRefs?: ProtectedRefs
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

/** Only the values the row holds: a blank cell has no ref. */
export interface ProtectedRefs {
  noRekening?: string
  namaIbuKandung?: string
}

type RecordField = keyof Omit<Fields, 'protectedRefs'>

/** Record fields and the columns they come from, in template order. */
const FIELDS: readonly (readonly [RecordField, VervalColumn])[] = [
  ['noKk', 'no_kk'],
  ['nama', 'nama'],
  ['alamat', 'alamat'],
  ['kodeDesa', 'kode_desa'],
  ['noKks', 'no_kks'],
  ['idDtsenKeluarga', 'id_dtsen_keluarga'],
  ['idDtsenPengurus', 'id_dtsen_pengurus'],
  ['noPesertaPkh', 'no_peserta_pkh'],
  ['statusPkh', 'status_pkh'],
  ['tempatLahir', 'tempat_lahir'],
  ['noRekening', 'no_rekening'],
  ['namaIbuKandung', 'nama_ibu_kandung'],
]

type Fields = Pick<
  KpmRecord,
  | 'noKk'
  | 'nama'
  | 'alamat'
  | 'kodeDesa'
  | 'noKks'
  | 'idDtsenKeluarga'
  | 'idDtsenPengurus'
  | 'noPesertaPkh'
  | 'statusPkh'
  | 'tempatLahir'
  | 'noRekening'
  | 'namaIbuKandung'
  | 'protectedRefs'
>

/** What the registry keeps of a row: identity numbers and protected values masked, blanks left out. */
const fieldsOf = (row: VervalRow, refs: ProtectedRefs | undefined): Fields => {
  const optional = {
    idDtsenKeluarga: row.id_dtsen_keluarga,
    idDtsenPengurus: row.id_dtsen_pengurus,
    noPesertaPkh: row.no_peserta_pkh,
    statusPkh: row.status_pkh,
    tempatLahir: row.tempat_lahir,
    noRekening: row.no_rekening && maskAccount(row.no_rekening),
    namaIbuKandung: row.nama_ibu_kandung && maskName(row.nama_ibu_kandung),
  }
  return {
    noKk: maskNik(row.no_kk),
    nama: row.nama,
    alamat: row.alamat,
    kodeDesa: row.kode_desa,
    noKks: row.no_kks === '' ? '' : maskNik(row.no_kks),
    ...Object.fromEntries(
      Object.entries(optional).filter(([, value]) => value !== '' && value !== undefined),
    ),
    ...(refs && Object.keys(refs).length > 0 ? { protectedRefs: refs } : {}),
  }
}

/** Whether a field differs; the protected ones by their refs, since two values can share a mask. */
const differs = (previous: KpmRecord, fields: Fields, field: RecordField): boolean =>
  field === 'noRekening' || field === 'namaIbuKandung'
    ? previous.protectedRefs?.[field] !== fields.protectedRefs?.[field]
    : previous[field] !== fields[field]

const keptOf = (previous: KpmRecord): Fields => {
  const kept: Partial<Fields> = {}
  for (const [field] of FIELDS) if (previous[field] !== undefined) kept[field] = previous[field]
  if (previous.protectedRefs) kept.protectedRefs = previous.protectedRefs
  return kept as Fields
}

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
    /** HMAC of the row's filled protected values. */
    protectedRefs?: ProtectedRefs
  },
): KpmRecord => {
  const fields = fieldsOf(row, change.protectedRefs)
  const changed = previous
    ? FIELDS.filter(([field]) => differs(previous, fields, field)).map(([, column]) => column)
    : []
  const entry: KpmChange = {
    batchId: change.batchId,
    period: change.period,
    aksi: row.aksi as Aksi,
    at: change.at,
    ...(row.aksi === 'HAPUS' ? { alasan: row.alasan } : {}),
    ...(changed.length > 0 && row.aksi === 'UBAH' ? { changed } : {}),
  }
  const kept = row.aksi === 'HAPUS' && previous ? keptOf(previous) : fields
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
  const { nikRef: _n, kkRef: _k, protectedRefs: _p, ...rest } = record
  return rest
}
