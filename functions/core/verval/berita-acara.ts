/**
 * The Berita Acara Daftar KPM Perubahan (issue 21 item 3, ADR 0035): the paper the
 * Bupati/Wali Kota signs for a period's approved verval, per kecamatan or as the
 * kabupaten's roll-up. Its figures come from the approved (APPLIED) batches of the scope
 * alone; an issued revision names exactly the batches it covers, so its print never
 * changes afterwards. Pure: batches, rows, codes and instants come in as arguments.
 */
import * as z from 'zod'
import { areaLevel, kabupatenOf } from '../areas/area-code'
import { type VervalProgram, vervalProgramSchema } from '../catalog/verval-programs'
import { maskNik } from '../identity/mask'
import type { BatchRecord, StoredRow } from './batch-record'
import { AKSI, type Aksi } from './columns'

export interface BeritaAcaraScope {
  /** A kecamatan (`32.01.14`) or its kabupaten/kota (`32.01`) for the roll-up. */
  area: string
  program: VervalProgram
  /** `YYYY-MM`. */
  period: string
}

export const beritaAcaraScopeSchema = z
  .object({
    area: z
      .string()
      .trim()
      .refine((area) => ['district', 'regency'].includes(areaLevel(area) ?? ''), {
        message: 'Pilih kecamatan atau kabupaten/kota.',
      }),
    program: vervalProgramSchema,
    period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Periode ditulis TTTT-BB.' }),
  })
  .strict()

export type AksiCounts = Record<Aksi, number>

const zeroCounts = (): AksiCounts => ({ TETAP: 0, BARU: 0, UBAH: 0, HAPUS: 0 })

export interface DesaTally {
  kecamatan: string
  desa: string
  counts: AksiCounts
}

/** One changed family as the paper lists it: identity numbers masked, the birth date as a year only (DESIGN §1). */
export interface BeritaAcaraChange {
  kecamatan: string
  desa: string
  nama: string
  nik: string
  noKk: string
  birthYear: number | null
  aksi: Exclude<Aksi, 'TETAP'>
  alasan: string
}

export interface BeritaAcaraFigures {
  totals: AksiCounts
  byDesa: DesaTally[]
  changes: BeritaAcaraChange[]
}

/** A batch that may stand in a Berita Acara: approved and applied to the registry. */
export const isApprovedBatch = (batch: Pick<BatchRecord, 'status' | 'decision'>): boolean =>
  batch.status === 'APPLIED' && batch.decision?.decision === 'APPROVE'

/** Whether the batch belongs to the scope (its kecamatan, or a kecamatan of the kabupaten). */
export const inScope = (
  scope: BeritaAcaraScope,
  batch: Pick<BatchRecord, 'kecamatan' | 'program' | 'period'>,
) =>
  batch.program === scope.program &&
  batch.period === scope.period &&
  (batch.kecamatan === scope.area || kabupatenOf(batch.kecamatan) === scope.area)

/**
 * The birth year a NIK carries (digits 11–12, DESIGN §1), read against the period's year:
 * a two-digit year after it is of the previous century. `null` when the digits are no date.
 */
export const birthYearOfNik = (nik: string, period: string): number | null => {
  if (!/^\d{16}$/.test(nik)) return null
  const yy = Number(nik.slice(10, 12))
  const periodYear = Number(period.slice(0, 4))
  const century = Math.floor(periodYear / 100) * 100
  return century + yy > periodYear ? century - 100 + yy : century + yy
}

const AKSI_ORDER: Readonly<Record<Aksi, number>> = { BARU: 0, UBAH: 1, HAPUS: 2, TETAP: 3 }

/** Summary by desa and aksi, and the list of changes (every row but TETAP), in desa then aksi then name order. */
export const beritaAcaraFigures = (
  period: string,
  batches: readonly { batch: Pick<BatchRecord, 'kecamatan'>; rows: readonly StoredRow[] }[],
): BeritaAcaraFigures => {
  const totals = zeroCounts()
  const tallies = new Map<string, DesaTally>()
  const changes: BeritaAcaraChange[] = []
  for (const { batch, rows } of batches) {
    for (const row of rows) {
      const aksi = AKSI.find((known) => known === row.aksi)
      if (!aksi) continue
      totals[aksi] += 1
      const tally = tallies.get(row.kode_desa) ?? {
        kecamatan: batch.kecamatan,
        desa: row.kode_desa,
        counts: zeroCounts(),
      }
      tally.counts[aksi] += 1
      tallies.set(row.kode_desa, tally)
      if (aksi === 'TETAP') continue
      changes.push({
        kecamatan: batch.kecamatan,
        desa: row.kode_desa,
        nama: row.nama,
        nik: maskNik(row.nik),
        noKk: maskNik(row.no_kk),
        birthYear: birthYearOfNik(row.nik, period),
        aksi,
        alasan: row.alasan,
      })
    }
  }
  changes.sort(
    (a, b) =>
      a.desa.localeCompare(b.desa) || AKSI_ORDER[a.aksi] - AKSI_ORDER[b.aksi] || a.nama.localeCompare(b.nama),
  )
  return { totals, byDesa: [...tallies.values()].sort((a, b) => a.desa.localeCompare(b.desa)), changes }
}

/** The signature Dinsos records from the signed paper (issue 21 item 3). */
export interface BeritaAcaraSignature {
  /** `YYYY-MM-DD`, the date on the paper. */
  signedOn: string
  signerName: string
  /** Where the signed scan is kept (archive number, file name in the office's store). */
  scanReference: string
  recordedAt: string
  recordedBy: { id: string; role: string }
}

export const signatureBodySchema = z
  .object({
    signedOn: z.iso.date({ message: 'Tanggal ditulis TTTT-BB-HH.' }),
    signerName: z.string().trim().min(3, { message: 'Nama penanda tangan paling sedikit 3 huruf.' }).max(120),
    scanReference: z
      .string()
      .trim()
      .min(3, { message: 'Rujukan pindaian paling sedikit 3 karakter.' })
      .max(200),
  })
  .strict()
export type SignatureBody = z.infer<typeof signatureBodySchema>

/** One issued revision of a scope's Berita Acara: the batches it covers and its verification code. */
export interface BeritaAcaraRevision extends BeritaAcaraScope {
  code: string
  /** 1 for the first issue; a correction (the approved batches changed since) is the next. */
  revision: number
  /** The approved batches it covers, sorted: what the print reads and what a correction is judged by. */
  batchIds: string[]
  /** Kecamatan of those batches (a roll-up's); the kecamatan itself for a kecamatan's. */
  kecamatans: string[]
  totals: AksiCounts
  issuedAt: string
  issuedBy: { id: string; role: string }
  signature?: BeritaAcaraSignature
  /** Set on an older revision when a correction replaced it. */
  supersededBy?: number
}

export type IssueVerdict =
  | { kind: 'issue'; revision: number }
  | { kind: 'same'; current: BeritaAcaraRevision }
  | { kind: 'nothing-approved' }

/**
 * Whether to issue: nothing approved → nothing to print; the same batches as the current
 * revision → that revision again (printing twice never mints a new code); other batches
 * (a kecamatan approved after the roll-up was issued) → a correction, the next revision.
 */
export const issueVerdict = (
  current: BeritaAcaraRevision | undefined,
  batchIds: readonly string[],
): IssueVerdict => {
  if (batchIds.length === 0) return { kind: 'nothing-approved' }
  const sorted = [...batchIds].sort()
  if (current && current.batchIds.join(',') === sorted.join(',')) return { kind: 'same', current }
  return { kind: 'issue', revision: (current?.revision ?? 0) + 1 }
}

export type SignVerdict =
  { kind: 'sign' } | { kind: 'already-signed'; signature: BeritaAcaraSignature } | { kind: 'superseded' }

/**
 * The signing rule: a revision is signed once; a second record is refused (the paper was
 * signed once). A correction is a new revision, signed on its own; an old one no longer
 * takes a signature.
 */
export const signVerdict = (revision: BeritaAcaraRevision): SignVerdict => {
  if (revision.supersededBy !== undefined) return { kind: 'superseded' }
  if (revision.signature) return { kind: 'already-signed', signature: revision.signature }
  return { kind: 'sign' }
}

export const BERITA_ACARA_TITLE = 'Berita Acara Daftar KPM Perubahan'
