/**
 * The life of a verval batch (DESIGN §3) and the rule across batches: one live batch per
 * kecamatan+program+period. A new upload supersedes one that is still open to change;
 * once approval is being applied, or was applied, the period is closed (409).
 */
export const BATCH_STATUSES = [
  'VALIDATING',
  'INVALID',
  'AWAITING_APPROVAL',
  'APPLYING',
  'APPLIED',
  'REJECTED',
  'SUPERSEDED',
  // A step failed after its retries (ADR 0004); the TKSK uploads again.
  'FAILED',
] as const
export type BatchStatus = (typeof BATCH_STATUSES)[number]

/** The statuses in Bahasa Indonesia, as every page, report and CSV prints them. */
export const BATCH_STATUS_LABELS: Readonly<Record<BatchStatus, string>> = {
  VALIDATING: 'Sedang divalidasi',
  INVALID: 'Tidak valid',
  AWAITING_APPROVAL: 'Menunggu persetujuan',
  APPLYING: 'Sedang diterapkan',
  APPLIED: 'Diterapkan',
  REJECTED: 'Ditolak',
  SUPERSEDED: 'Digantikan',
  FAILED: 'Gagal',
}

export const SUPERSEDABLE: readonly BatchStatus[] = ['VALIDATING', 'INVALID', 'AWAITING_APPROVAL', 'FAILED']
/** The statuses a running workflow moves on from: where a failed step would leave a batch stuck. */
export const IN_PROGRESS: readonly BatchStatus[] = ['VALIDATING', 'AWAITING_APPROVAL', 'APPLYING']
export const BLOCKING: readonly BatchStatus[] = ['APPLYING', 'APPLIED']

export type UploadVerdict = 'free' | 'supersede' | 'blocked'

/** What a new upload does to the batch that currently holds the period. */
export const uploadVerdict = (current: BatchStatus | undefined): UploadVerdict => {
  if (current === undefined) return 'free'
  if (BLOCKING.includes(current)) return 'blocked'
  return SUPERSEDABLE.includes(current) ? 'supersede' : 'free'
}

/** Rows handled by one Map iteration of validation and apply: small enough for one Lambda run, never one per row. */
export const CHUNK_ROWS = 1000

export interface ChunkRange {
  /** First and last row number (1-based, the `ROW#` index), inclusive. */
  from: number
  to: number
}

export const chunkRanges = (rows: number, size: number = CHUNK_ROWS): ChunkRange[] => {
  const ranges: ChunkRange[] = []
  for (let from = 1; from <= rows; from += size) ranges.push({ from, to: Math.min(rows, from + size - 1) })
  return ranges
}
