/**
 * The moves of a laporan (issue 16 item 5, ADR 0039), pure: each takes the record and
 * `now` and answers the next record, or the reason it may not move. The repository
 * writes the next record on the precondition that the stored one is still `version`.
 */
import { isOpenForTksk, type LaporanNarrative, type LaporanRecord } from './laporan-record'

export interface FieldProblem {
  path: string
  message: string
}

export type Refusal = { kind: 'state'; message: string } | { kind: 'input'; details: FieldProblem[] }
export type Move = { ok: true; next: LaporanRecord } | { ok: false; refusal: Refusal }

const moved = (record: LaporanRecord, now: Date, change: Partial<LaporanRecord>): Move => ({
  ok: true,
  next: { ...record, ...change, updatedAt: now.toISOString(), version: record.version + 1 },
})

const refused = (message: string): Move => ({ ok: false, refusal: { kind: 'state', message } })

export const editNarrative = (record: LaporanRecord, narrative: LaporanNarrative, now: Date): Move =>
  isOpenForTksk(record.status)
    ? moved(record, now, { narrative })
    : refused('Narasi hanya dapat diubah selama laporan berstatus draf atau dikembalikan.')

/** A report goes to Dinsos with its narrative written: both parts say something. */
export const submitLaporan = (record: LaporanRecord, by: string, now: Date): Move => {
  if (!isOpenForTksk(record.status)) return refused('Laporan ini sudah dikirim.')
  const missing = (['masalah', 'tindakLanjut'] as const).filter((field) => record.narrative[field] === '')
  if (missing.length > 0)
    return {
      ok: false,
      refusal: {
        kind: 'input',
        details: missing.map((field) => ({
          path: `narrative.${field}`,
          message:
            field === 'masalah' ? 'Isi masalah sebelum mengirim.' : 'Isi tindak lanjut sebelum mengirim.',
        })),
      },
    }
  return moved(record, now, { status: 'SUBMITTED', submittedAt: now.toISOString(), submittedBy: by })
}

export const acknowledgeLaporan = (record: LaporanRecord, by: string, now: Date): Move =>
  record.status === 'SUBMITTED'
    ? moved(record, now, { status: 'ACKNOWLEDGED', acknowledgedAt: now.toISOString(), acknowledgedBy: by })
    : refused('Hanya laporan yang sudah dikirim dan belum diterima yang dapat diterima.')

export const returnLaporan = (record: LaporanRecord, note: string, by: string, now: Date): Move =>
  record.status === 'SUBMITTED'
    ? moved(record, now, {
        status: 'RETURNED',
        returnNote: note,
        returnedAt: now.toISOString(),
        returnedBy: by,
      })
    : refused('Hanya laporan yang sudah dikirim dan belum diterima yang dapat dikembalikan.')
