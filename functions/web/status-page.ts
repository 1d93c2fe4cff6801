/** The resident's status page (`/status`): reference + access code by POST, the stages as a progress line, no PII. */
import {
  CASE_OUTCOME_LABELS,
  CASE_STATUS_LABELS,
  type CaseOutcome,
  type CaseStatus,
} from '../core/catalog/case-statuses'
import type { HttpResult } from '../http/runtime/action'
import { CASE_KIND_LABELS, type BansosKind } from '../core/case/case-kind'
import {
  type BansosResolution,
  FORWARD_TARGET_LABELS,
  VERIFICATION_OUTCOME_LABELS,
} from '../core/bansos/verification'
import { areaOfReference, formatShort } from './dates'
import { errorSummary, type FormState, inputField } from './fields'
import { html } from './html'
import { page } from './page'
import { progressLine } from './progress'

/** The answer of `POST /api/cases/status`. */
export interface CaseStatusView {
  reference: string
  status: CaseStatus
  outcome?: CaseOutcome
  updatedAt: string
  history: { status: CaseStatus; at: string }[]
  kind?: BansosKind
  verified?: true
  resolution?: Pick<BansosResolution, 'outcome' | 'forwardTo'>
}

/** What the filer reads of the verification; an objection's filer only that it is done. */
const verificationLabel = (result: CaseStatusView): string | undefined =>
  result.resolution
    ? `${VERIFICATION_OUTCOME_LABELS[result.resolution.outcome]}${
        result.resolution.forwardTo ? ` kepada ${FORWARD_TARGET_LABELS[result.resolution.forwardTo]}` : ''
      }`
    : result.verified
      ? 'Selesai diverifikasi'
      : undefined

/** A complaint's, proposal's or objection's kind and verification outcome (ADR 0036). */
const bansosLines = (result: CaseStatusView) => {
  const verification = verificationLabel(result)
  return result.kind
    ? html`<p>
        Jenis: <strong>${CASE_KIND_LABELS[result.kind]}</strong>${
          verification ? html`. Hasil verifikasi: <strong>${verification}</strong>` : ''
        }.
      </p>`
    : ''
}

export const STATUS_FIELDS = ['reference', 'accessCode'] as const

export const statusPage = (
  state: FormState & { notFound?: string; result?: CaseStatusView },
  statusCode = 200,
  headers: Record<string, string> = {},
): HttpResult => {
  const { result } = state
  const area = result ? areaOfReference(result.reference) : undefined
  const summary = result
    ? html`<section aria-labelledby="hasil">
        <h2 id="hasil">Status permohonan ${result.reference}</h2>
        <p class="notice" role="status">
          Tahap saat ini: <strong>${CASE_STATUS_LABELS[result.status]}</strong>${
            result.outcome ? html` — hasil: <strong>${CASE_OUTCOME_LABELS[result.outcome]}</strong>` : ''
          }.
          Diperbarui ${formatShort(result.updatedAt, area)}.
        </p>
        ${bansosLines(result)} ${progressLine(result, (iso) => formatShort(iso, area))}
      </section>`
    : ''
  return page(
    statusCode,
    'Cek Status Permohonan',
    html`${summary} ${state.notFound ? html`<div class="alert" role="alert">${state.notFound}</div>` : ''}
      ${errorSummary(state, STATUS_FIELDS)}
      <form method="post" action="/status">
        ${inputField(state, { name: 'reference', label: 'Nomor registrasi', hint: 'Contoh: 320114-2026-000042 (tertera saat permohonan dikirim).', required: true, maxlength: 40 })}
        ${inputField(state, { name: 'accessCode', label: 'Kode akses', hint: '6 huruf/angka, tertera di halaman konfirmasi dan di email permohonan. Lupa? Tanyakan ke TKSK kecamatan Anda.', required: true, maxlength: 20, autocomplete: 'off' })}
        <button type="submit">Cek status</button>
      </form>`,
    { headers },
  )
}
