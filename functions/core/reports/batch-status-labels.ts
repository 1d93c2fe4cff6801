/** Verval batch statuses (DESIGN §3) as the dashboard and the laporan print them. */
import type { BatchStatus } from '../verval/batch-status'

export const BATCH_STATUS_LABELS: Readonly<Record<BatchStatus, string>> = {
  VALIDATING: 'Sedang divalidasi',
  INVALID: 'Tidak valid',
  AWAITING_APPROVAL: 'Menunggu persetujuan',
  APPLYING: 'Sedang diterapkan',
  APPLIED: 'Diterapkan',
  REJECTED: 'Ditolak',
  SUPERSEDED: 'Digantikan',
}
