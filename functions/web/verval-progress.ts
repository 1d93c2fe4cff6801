/**
 * A verval batch's status in Bahasa Indonesia and as a progress line (Diunggah →
 * Validasi → Menunggu persetujuan → Diterapkan), ending early on Tidak valid, Ditolak,
 * Digantikan or Gagal. Statuses are looked up as text, so a status added to the
 * workflow later still renders (as its code) instead of breaking the page.
 */
import { BATCH_STATUS_LABELS } from '../core/verval/batch-status'
import { html, type SafeHtml } from './html'

export const batchStatusLabel = (status: string): string =>
  (BATCH_STATUS_LABELS as Readonly<Record<string, string>>)[status] ?? status

/** Statuses in which the workflow is still moving the batch: the page follows them. */
export const RUNNING_STATUSES: readonly string[] = ['VALIDATING', 'APPLYING']

const STAGES = ['Diunggah', 'Validasi', 'Menunggu persetujuan', 'Diterapkan'] as const

/** Where each status sits: the stages passed, and the one shown as current (an ending replaces the rest). */
const POSITIONS: Readonly<Record<string, { passed: number; current: string; finished?: boolean }>> = {
  VALIDATING: { passed: 1, current: 'Validasi' },
  INVALID: { passed: 1, current: 'Tidak valid', finished: true },
  AWAITING_APPROVAL: { passed: 2, current: 'Menunggu persetujuan' },
  APPLYING: { passed: 3, current: 'Diterapkan (sedang berjalan)' },
  APPLIED: { passed: 3, current: 'Diterapkan', finished: true },
  REJECTED: { passed: 2, current: 'Ditolak', finished: true },
  SUPERSEDED: { passed: 1, current: 'Digantikan', finished: true },
}

export const batchProgress = (status: string): SafeHtml => {
  const position = POSITIONS[status] ?? { passed: 1, current: batchStatusLabel(status), finished: true }
  const later = position.finished ? [] : STAGES.slice(position.passed + 1)
  return html`<ol class="progress" aria-label="Tahapan verval">
    ${STAGES.slice(0, position.passed).map(
      (stage) => html`<li class="done">${stage}<span class="visually-hidden"> (sudah dilalui)</span></li>`,
    )}
    <li class="${position.finished ? 'done current' : 'current'}" aria-current="step">
      ${position.current}<span class="visually-hidden">
        (${position.finished ? 'selesai' : 'sedang berjalan'})</span
      >
    </li>
    ${later.map((stage) => html`<li class="todo">${stage}<span class="visually-hidden"> (belum)</span></li>`)}
  </ol>`
}
