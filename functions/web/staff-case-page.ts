/**
 * A case for staff (`/staff/cases/{caseId}`): what `GET /api/cases/{caseId}` gives, NIK/KK
 * masked and the birth year only (a masked NIK beside the birth date is the full NIK),
 * with its timeline.
 */
import { roleMay } from '../core/authorization/can'
import type { CaseOutcome, CaseStatus } from '../core/catalog/case-statuses'
import { CATEGORY_LABELS, type CategoryCode } from '../core/catalog/categories'
import { serviceLabel, type ServiceCode } from '../core/catalog/services'
import type { HttpResult } from '../http/runtime/action'
import { type RegionFlag, regionFlagText } from '../core/identity/validate-identity'
import { FILER_LABELS, type Filer, IDENTITY_STATUS_LABELS, type IdentityStatus } from '../core/case/filer'
import { REPORTER_RELATION_LABELS } from '../core/case/intake-schema'
import type { PendampinganEntry } from '../core/case/pendampingan'
import { formatLongDate, formatShort } from './dates'
import { dataTable } from './data-table'
import { html, type SafeHtml } from './html'
import { progressLine } from './progress'
import { statusText } from './staff-cases-page'
import { csrfInput, type StaffContext, staffPage } from './staff-layout'
import type { AuditActor } from '../core/audit/audit-entry'
import type { FormState } from './fields'
import { pendampinganSection } from './pendampingan-section'
import { smsSection } from './sms-opt-out-form'
import { withdrawForm } from './withdraw-form'
import { ACTION_LABELS } from './action-labels'

/** The answer of `GET /api/cases/{caseId}` (the parts shown). */
export interface CaseDetailView {
  caseId: string
  reference: string
  status: CaseStatus
  outcome?: CaseOutcome
  outcomeReason?: string
  kecamatan: string
  category: CategoryCode
  service: ServiceCode
  createdAt: string
  updatedAt: string
  applicant: {
    /** `null` for a person without the number (issue 15). */
    nik: string | null
    kk: string | null
    name: string
    /** The year only: the API never sends the birth date beside a masked NIK. */
    birthYear: number | null
    phone?: string
    email?: string
    address: string
    villageCode: string
  }
  nikRegisteredElsewhere: boolean
  regionFlags: RegionFlag[]
  filer: Filer
  identityStatus: IdentityStatus
  /** Other cases of the same name, birth year and desa (issue 15): a warning, never a merge. */
  possibleDuplicates: { caseId: string; reference: string; createdAt: string }[]
  description?: string
  consentVersion: string
  /** The resident's status key, read out to a resident who lost it (null on older cases). */
  accessCode?: string | null
  /** The resident asked for no more SMS (ADR 0028); null while they get them. */
  smsOptOut?: { at: string; via: 'staff' | 'reply'; by?: string } | null
  assignee: { id: string; name: string } | null
  assessment: Record<string, unknown> | null
  recommendation: { service: ServiceCode; providerName: string; justification: string; at: string } | null
  approval: Record<string, unknown> | null
  referral: { providerName: string; acceptedAt?: string } | null
  /** Earlier services of the same case (ADR 0037); absent from answers before it. */
  previousReferrals?: { service: ServiceCode; providerName: string; result: string; closedAt: string }[]
  /** The open offer of another service after a result closed the case (ADR 0037); absent before it. */
  followUp?: { taskId: string; finalAt: string } | null
  /** Recorded after the referral's result (issue 15); absent from answers before it. */
  pendampingan?: PendampinganEntry[]
  /** Set once the approval issued the Surat Rekomendasi. */
  letterCode?: string
  duplicateOf?: string
  /** Another open case of the NIK adminduk issued (ADR 0037); null or absent when none. */
  sameNikOpenCase?: string | null
  history: { status: CaseStatus; at: string }[]
  timeline: { seq: string | number; at: string; action: string; actor: Pick<AuditActor, 'id' | 'role'> }[]
}

const DECISION_LABELS: Readonly<Record<string, string>> = {
  APPROVE: 'Disetujui',
  REJECT: 'Ditolak',
  REVISE: 'Dikembalikan untuk perbaikan',
}

const text = (value: unknown): string => (value === undefined || value === null ? '-' : String(value))

const filerText = (filer: Filer): string => {
  if (filer.kind === 'REPORTER')
    return `${FILER_LABELS.REPORTER}: ${filer.reporter.name} (${REPORTER_RELATION_LABELS[filer.reporter.relation]}, ${filer.reporter.phone})`
  return filer.kind === 'TKSK' ? `${FILER_LABELS.TKSK}: ${filer.name}` : FILER_LABELS.SELF
}

const duplicateWarning = (view: CaseDetailView, date: (iso: string) => string): SafeHtml | '' =>
  view.possibleDuplicates.length === 0
    ? ''
    : html`<div class="alert" role="note">
        <p>
          <strong>Mungkin duplikat:</strong> kasus lain dengan nama, tahun lahir dan desa yang sama. Periksa
          sebelum asesmen.
        </p>
        <ul>
          ${view.possibleDuplicates.map(
            (d) =>
              html`<li><a href="/staff/cases/${d.caseId}">${d.reference}</a> (${date(d.createdAt)})</li>`,
          )}
        </ul>
      </div>`

/** The provider's reported result (ADR 0037). */
const RESULT_LABELS: Readonly<Record<string, string>> = {
  SERVED: 'Sudah dilayani',
  NOT_SERVED: 'Tidak dapat dilayani',
}

const row = (term: string, value: SafeHtml | string): SafeHtml =>
  html`<dt>${term}</dt>
    <dd>${value}</dd>`

/** The reveal form's state: shown unmasked, or a purpose refused with its reason. */
export interface RevealState {
  revealed?: boolean
  revealError?: string
  purpose?: string
}

/**
 * Opening NIK and KK is a POST with a stated purpose and the CSRF token (DESIGN v3 §4),
 * only for the roles that may; the answer is this page, unmasked, with no URL to share.
 */
const revealForm = (ctx: StaffContext, view: CaseDetailView, state: RevealState): SafeHtml | '' => {
  if (state.revealed)
    return html`<p class="notice" role="status">
      NIK dan Nomor KK ditampilkan lengkap; pembukaan ini tercatat di jejak audit.
    </p>`
  if (!roleMay(ctx.user.role, 'case:reveal')) return ''
  return html`<form method="post" action="/staff/cases/${view.caseId}/reveal" class="reveal-form">
    ${csrfInput(ctx.csrf)}
    <div class="field${state.revealError ? ' has-error' : ''}">
      <label for="f-purpose">Tujuan membuka NIK dan Nomor KK</label>
      <p class="hint" id="f-purpose-hint">Dicatat di jejak audit atas nama Anda (minimal 5 karakter).</p>
      ${state.revealError ? html`<p class="error" id="f-purpose-error">${state.revealError}</p>` : ''}
      <input
        id="f-purpose"
        name="purpose"
        required
        minlength="5"
        maxlength="200"
        value="${state.purpose ?? ''}"
        aria-describedby="f-purpose-hint${state.revealError ? ' f-purpose-error' : ''}"
      />
    </div>
    <button type="submit">Buka NIK dan Nomor KK</button>
  </form>`
}

/** What the page prints instead of codes and ids (issue 19). */
export interface CaseNames {
  /** An area code as people read it (`Leuwiliang, Kec. Leuwiliang`). */
  place: (code: string) => string
  /** A timeline actor as people read it ("Pemohon", "Rina (Dinsos Kab. Bogor)"). */
  actor: (actor: Pick<AuditActor, 'id' | 'role'>) => string
}

export const staffCasePage = (
  ctx: StaffContext,
  view: CaseDetailView,
  names: CaseNames,
  reveal: RevealState = {},
  statusCode = 200,
  /**
   * The forms the caller may use, with their errors after a failed post: withdraw (an
   * open case), pendampingan (after the referral's result, issue 15), the SMS opt-out
   * button (`case:sms-opt-out`, ADR 0028).
   */
  forms: { withdraw?: FormState; pendampingan?: FormState; smsOptOut?: boolean } = {},
): HttpResult => {
  const date = (iso: string | undefined) => (iso ? formatShort(iso, view.kecamatan) : '-')
  const { applicant, assessment, approval, recommendation, referral } = view
  return staffPage(
    ctx,
    statusCode,
    `Kasus ${view.reference}`,
    html`${progressLine(view, (iso) => formatShort(iso, view.kecamatan))}
      <h2>Ringkasan</h2>
      <dl>
        ${row('Tahap', statusText(view.status, view.outcome))}
        ${view.outcomeReason ? row('Alasan', view.outcomeReason) : ''}
        ${row('Kategori', CATEGORY_LABELS[view.category] ?? view.category)}
        ${row('Layanan', serviceLabel(view.service))}
        ${row('Desa/kelurahan', names.place(applicant.villageCode))}
        ${row('Petugas', view.assignee?.name ?? '-')} ${row('Diterima', date(view.createdAt))}
        ${row('Diperbarui', date(view.updatedAt))}
        ${view.duplicateOf ? row('Duplikat dari', view.duplicateOf) : ''}
        ${view.accessCode ? row('Kode akses cek status', view.accessCode) : ''}
      </dl>
      ${
        roleMay(ctx.user.role, 'case:accessCode')
          ? html`<p>
              <a href="/staff/cases/${view.caseId}/tanda-terima">Cetak tanda terima untuk pemohon</a>
            </p>`
          : ''
      }
      <h2>Pemohon</h2>
      ${duplicateWarning(view, date)}
      ${
        view.sameNikOpenCase
          ? html`<div class="alert" role="note">
              <p>
                <strong>NIK yang terbit</strong> juga tercatat pada kasus terbuka lain untuk layanan yang
                sama: <a href="/staff/cases/${view.sameNikOpenCase}">lihat kasus itu</a>. Periksa sebelum
                melanjutkan.
              </p>
            </div>`
          : ''
      }
      <dl>
        ${row('Diajukan oleh', filerText(view.filer))}
        ${row('Status dokumen', IDENTITY_STATUS_LABELS[view.identityStatus])} ${row('Nama', applicant.name)}
        ${row('NIK', text(applicant.nik))} ${row('Nomor KK', text(applicant.kk))}
        ${view.nikRegisteredElsewhere ? row('Catatan', 'NIK terdaftar di kecamatan lain') : ''}
        ${view.regionFlags.map((flag) => row('Catatan', regionFlagText(flag)))}
        ${row('Tahun lahir', text(applicant.birthYear))} ${row('Alamat', applicant.address)}
        ${row('Nomor HP', applicant.phone ?? '-')} ${row('Email', applicant.email ?? '-')}
        ${row('Uraian', view.description ?? '-')} ${row('Versi persetujuan', view.consentVersion)}
      </dl>
      ${revealForm(ctx, view, reveal)}
      ${
        assessment
          ? html`<h2>Asesmen</h2>
              <dl>
                ${row('Tanggal kunjungan', text(assessment.visitDate))}${row('Temuan', text(assessment.findings))}${row(
                  'Memenuhi syarat',
                  assessment.eligible === true ? 'Ya' : assessment.eligible === false ? 'Tidak' : '-',
                )}${row('Layanan', typeof assessment.service === 'string' ? serviceLabel(assessment.service as ServiceCode) : '-')}${row('Catatan', text(assessment.notes))}${row('Dicatat', date(text(assessment.at)))}
              </dl>`
          : ''
      }
      ${
        recommendation
          ? html`<h2>Rekomendasi</h2>
              <dl>
                ${row('Layanan', serviceLabel(recommendation.service))}${row('Lembaga', recommendation.providerName)}${row('Dasar', recommendation.justification)}
              </dl>`
          : ''
      }
      ${
        approval
          ? html`<h2>Keputusan Dinas Sosial</h2>
              <dl>
                ${row('Keputusan', DECISION_LABELS[text(approval.decision)] ?? text(approval.decision))}${row('Alasan', text(approval.reason))}${row('Tanggal', date(text(approval.at)))}
              </dl>
              ${view.letterCode ? html`<p><a href="/staff/cases/${view.caseId}/surat">Cetak Surat Rekomendasi</a></p>` : ''}`
          : ''
      }
      ${
        referral
          ? html`<h2>Rujukan</h2>
              <dl>
                ${row('Lembaga', referral.providerName)}${row('Diterima lembaga', date(referral.acceptedAt))}
              </dl>`
          : ''
      }
      ${
        view.previousReferrals && view.previousReferrals.length > 0
          ? html`<h2>Layanan sebelumnya</h2>
              <ul>
                ${view.previousReferrals.map(
                  (p) =>
                    html`<li>
                      ${serviceLabel(p.service)}: ${p.providerName}, ${RESULT_LABELS[p.result] ?? p.result}
                      (ditutup ${date(p.closedAt)})
                    </li>`,
                )}
              </ul>`
          : ''
      }
      ${
        view.followUp
          ? html`<h2>Minta layanan lain</h2>
              <p>
                Kasus ditutup dengan hasil rujukan. Bila keluarga ini masih memerlukan layanan lain, TKSK
                dapat mengajukannya sampai ${date(view.followUp.finalAt)} (opsional; tanpa jawaban, kasus
                tetap selesai).
              </p>
              <p><a href="/staff/tasks/${view.followUp.taskId}">Minta layanan lain</a></p>`
          : ''
      }
      ${
        view.pendampingan && (view.pendampingan.length > 0 || forms.pendampingan)
          ? pendampinganSection({
              caseId: view.caseId,
              entries: view.pendampingan,
              date: formatLongDate,
              ...(forms.pendampingan ? { form: { csrf: ctx.csrf, state: forms.pendampingan } } : {}),
            })
          : ''
      }
      ${smsSection(view, ctx.csrf, forms.smsOptOut === true)}
      ${forms.withdraw && view.status !== 'CLOSED' ? withdrawForm(view.caseId, ctx.csrf, forms.withdraw) : ''}
      <h2>Riwayat</h2>
      ${dataTable({
        caption: 'Riwayat audit kasus',
        columns: ['No.', 'Waktu', 'Peristiwa', 'Oleh'],
        rows: view.timeline.map(
          (e) =>
            html`<tr>
              <td>${Number(e.seq)}</td>
              <td>${date(e.at)}</td>
              <td>${ACTION_LABELS[e.action] ?? e.action}</td>
              <td>${names.actor(e.actor)}</td>
            </tr>`,
        ),
      })}`,
  )
}
