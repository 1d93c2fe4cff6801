/** The stages of a case as a progress line (DESIGN §4 Pages: Identifikasi … Selesai). */
import {
  CASE_OUTCOME_LABELS,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  type CaseOutcome,
  type CaseStatus,
} from '../core/catalog/case-statuses'
import { html, type SafeHtml } from './html'

export interface StageHistory {
  status: CaseStatus
  outcome?: CaseOutcome | undefined
  history: readonly { status: string; at: string }[]
}

/** `12 Januari 2026` in the area's zone. */
export type DateFormatter = (iso: string) => string

export const progressLine = (state: StageHistory, formatDate: DateFormatter): SafeHtml => {
  const current = CASE_STATUSES.indexOf(state.status)
  const reachedAt = new Map<string, string>()
  for (const entry of state.history) if (!reachedAt.has(entry.status)) reachedAt.set(entry.status, entry.at)
  return html`<ol class="progress" aria-label="Tahapan permohonan">
    ${CASE_STATUSES.map((stage, i) => {
      const at = reachedAt.get(stage)
      const isCurrent = i === current
      const done = i < current && at !== undefined
      const className = isCurrent ? (stage === 'CLOSED' ? 'done current' : 'current') : done ? 'done' : 'todo'
      const label = CASE_STATUS_LABELS[stage]
      const stateText = isCurrent
        ? stage === 'CLOSED'
          ? 'selesai'
          : 'sedang berjalan'
        : done
          ? 'sudah dilalui'
          : i < current
            ? 'dilewati'
            : 'belum'
      return html`<li class="${className}" ${isCurrent ? html` aria-current="step"` : ''}>
        ${label}${
          stage === 'CLOSED' && isCurrent && state.outcome
            ? html`: ${CASE_OUTCOME_LABELS[state.outcome]}`
            : ''
        }<span class="when"
          >${at ? formatDate(at) : ''}<span class="visually-hidden"> (${stateText})</span></span
        >
      </li>`
    })}
  </ol>`
}
