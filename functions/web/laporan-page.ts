/**
 * The laporan bulanan that travels (`/staff/laporan-bulanan`, issue 16 item 5, ADR 0039).
 * For a kecamatan: its status and due date, the figures (cases by stage and category,
 * verval, PPKS found, kegiatan), the narrative, and the forms the reader may use (the
 * TKSK: open, write, submit; Dinsos: acknowledge, return with a note). For a kabupaten:
 * where each kecamatan's report stands, late and missing ones marked. For a province:
 * the roll-up of its kabupaten. Every form posts without JavaScript.
 */
import { ACTIVITY_KIND_LABELS, ACTIVITY_KINDS } from '../core/activities/activity-kinds'
import { formatLocalTime } from '../core/calendar/local-time'
import { CASE_STATUS_LABELS, CASE_STATUSES } from '../core/catalog/case-statuses'
import { CATEGORY_LABELS, type CategoryCode } from '../core/catalog/categories'
import { VERVAL_PROGRAM_LABELS } from '../core/catalog/verval-programs'
import type { LaporanContents } from '../core/laporan/laporan-contents'
import { isOpenForTksk, LAPORAN_STATUS_LABELS, type LaporanRecord } from '../core/laporan/laporan-record'
import type { SubmissionRates, SubmissionRow } from '../core/laporan/submission-rates'
import type { HttpResult } from '../http/runtime/action'
import { errorSummary, type FormState, textareaField } from './fields'
import { html, type SafeHtml } from './html'
import { countTable, monthLabel, type ReportFilter, reportFilterForm } from './report-parts'
import { csrfInput, type StaffContext, staffPage } from './staff-layout'

export const LAPORAN_PATH = '/staff/laporan-bulanan'

export interface KecamatanView {
  kecamatan: string
  month: string
  record?: LaporanRecord
  contents: LaporanContents
  late: boolean
  mayWrite: boolean
  mayReview: boolean
}

export interface ProvinceViewRow {
  kabupaten: string
  filed: number
  batches: number
  ppksFound: number
  rates: SubmissionRates
}

export interface LaporanPageModel {
  filter: ReportFilter
  /** What a refused form post said, with the values typed. */
  form: FormState
  notice?: string
  title?: string
  kecamatan?: KecamatanView
  submissions?: { rows: SubmissionRow[]; rates: SubmissionRates }
  province?: ProvinceViewRow[]
  placeName: (code: string) => string
}

const NARRATIVE_FIELDS = ['masalah', 'tindakLanjut', 'note'] as const

const hidden = (view: KecamatanView, aksi: string, csrf: string): SafeHtml =>
  html`${csrfInput(csrf)}<input type="hidden" name="kecamatan" value="${view.kecamatan}" /><input
      type="hidden"
      name="month"
      value="${view.month}"
    /><input type="hidden" name="aksi" value="${aksi}" />`

const actionForm = (
  view: KecamatanView,
  csrf: string,
  aksi: string,
  label: string,
  body: SafeHtml | '' = '',
) =>
  html`<form method="post" action="${LAPORAN_PATH}" class="no-print">
    ${hidden(view, aksi, csrf)} ${body}
    <button type="submit">${label}</button>
  </form>`

const statusBox = (view: KecamatanView): SafeHtml => {
  const record = view.record
  const status = LAPORAN_STATUS_LABELS[record?.status ?? 'MISSING']
  return html`<section aria-labelledby="status-laporan">
    <h2 id="status-laporan">Status laporan</h2>
    <dl>
      <dt>Status</dt>
      <dd><strong>${status}</strong>${view.late ? html` <span class="badge">Terlambat</span>` : ''}</dd>
      ${
        record
          ? html`<dt>Batas waktu</dt>
              <dd>${formatLocalTime(record.dueAt, record.kecamatan)}</dd>`
          : ''
      }
      ${
        record?.submittedAt
          ? html`<dt>Dikirim</dt>
              <dd>${formatLocalTime(record.submittedAt, record.kecamatan)}</dd>`
          : ''
      }
      ${
        record?.acknowledgedAt
          ? html`<dt>Diterima</dt>
              <dd>${formatLocalTime(record.acknowledgedAt, record.kecamatan)}</dd>`
          : ''
      }
    </dl>
    ${
      record?.status === 'RETURNED' && record.returnNote
        ? html`<div class="alert" role="note">
            <p><strong>Catatan Dinas Sosial:</strong> ${record.returnNote}</p>
          </div>`
        : ''
    }
  </section>`
}

const figures = (view: KecamatanView): SafeHtml => {
  const { cases, verval, ppksFound, kegiatan } = view.contents
  const categories = (Object.entries(cases.byCategory) as [CategoryCode, number][]).sort(([a], [b]) =>
    CATEGORY_LABELS[a].localeCompare(CATEGORY_LABELS[b]),
  )
  return html`${countTable({
    id: 'kasus-tahap',
    caption: 'Kasus masuk bulan ini menurut tahap',
    headers: ['Tahap', 'Jumlah'],
    rows: CASE_STATUSES.map((s) => [CASE_STATUS_LABELS[s], cases.byStage[s]]),
    total: ['Jumlah', cases.filed],
  })}
  ${countTable({
    id: 'kasus-kategori',
    caption: 'Kasus masuk bulan ini menurut kategori PPKS',
    headers: ['Kategori', 'Jumlah'],
    rows: categories.map(([code, count]) => [CATEGORY_LABELS[code], count]),
  })}
  ${countTable({
    id: 'verval',
    caption: 'Verval bulan ini',
    headers: ['Rincian', 'Jumlah'],
    rows: [
      ['Berkas verval', verval.batches],
      ['Baris data', verval.rows],
      ...Object.entries(verval.byProgram).map(
        ([program, n]) =>
          [
            `Berkas ${VERVAL_PROGRAM_LABELS[program as keyof typeof VERVAL_PROGRAM_LABELS] ?? program}`,
            n,
          ] as const,
      ),
    ],
  })}
  ${countTable({
    id: 'ppks',
    caption: 'PPKS ditemukan',
    headers: ['Rincian', 'Jumlah'],
    rows: [['PPKS ditemukan saat pendataan', ppksFound]],
  })}
  ${countTable({
    id: 'kegiatan-bulan',
    caption: 'Kegiatan bulan ini',
    headers: ['Jenis kegiatan', 'Jumlah'],
    rows: ACTIVITY_KINDS.map((k) => [ACTIVITY_KIND_LABELS[k], kegiatan.byKind[k]]),
    total: ['Jumlah (orang terjangkau: ' + String(kegiatan.reached) + ')', kegiatan.total],
  })}`
}

const narrativeSection = (view: KecamatanView, ctx: StaffContext, form: FormState): SafeHtml | '' => {
  const record = view.record
  if (!record) return ''
  if (view.mayWrite && isOpenForTksk(record.status)) {
    const state: FormState = {
      values: {
        masalah: record.narrative.masalah,
        tindakLanjut: record.narrative.tindakLanjut,
        ...form.values,
      },
      errors: form.errors,
    }
    return html`<section aria-labelledby="narasi">
      <h2 id="narasi">Narasi</h2>
      <form method="post" action="${LAPORAN_PATH}" class="no-print">
        ${hidden(view, 'narasi', ctx.csrf)}
        ${textareaField(state, { name: 'masalah', label: 'Masalah', required: true, maxlength: 4000 })}
        ${textareaField(state, { name: 'tindakLanjut', label: 'Tindak lanjut', required: true, maxlength: 4000 })}
        <button type="submit">Simpan narasi</button>
      </form>
      ${actionForm(view, ctx.csrf, 'kirim', 'Kirim ke Dinas Sosial')}
    </section>`
  }
  return html`<section aria-labelledby="narasi">
    <h2 id="narasi">Narasi</h2>
    <h3>Masalah</h3>
    <p class="prewrap">${record.narrative.masalah || '—'}</p>
    <h3>Tindak lanjut</h3>
    <p class="prewrap">${record.narrative.tindakLanjut || '—'}</p>
  </section>`
}

const reviewSection = (view: KecamatanView, ctx: StaffContext, form: FormState): SafeHtml | '' =>
  view.mayReview && view.record?.status === 'SUBMITTED'
    ? html`<section aria-labelledby="periksa">
        <h2 id="periksa">Pemeriksaan Dinas Sosial</h2>
        ${actionForm(view, ctx.csrf, 'terima', 'Terima laporan')}
        ${actionForm(
          view,
          ctx.csrf,
          'kembalikan',
          'Kembalikan ke TKSK',
          textareaField(form, {
            name: 'note',
            label: 'Catatan pengembalian',
            required: true,
            maxlength: 2000,
          }),
        )}
      </section>`
    : ''

const kecamatanBody = (view: KecamatanView, ctx: StaffContext, form: FormState): SafeHtml =>
  html`${statusBox(view)}
  ${!view.record && view.mayWrite ? actionForm(view, ctx.csrf, 'buka', 'Buka laporan bulan ini') : ''}
  ${narrativeSection(view, ctx, form)} ${reviewSection(view, ctx, form)} ${figures(view)}`

const ratesLine = (rates: SubmissionRates): SafeHtml =>
  html`<p>
    ${rates.submitted} dari ${rates.kecamatan} kecamatan sudah mengirim (${rates.acknowledged} diterima);
    ${rates.late} terlambat, ${rates.missing} belum dibuat.
  </p>`

const submissionsBody = (
  submissions: NonNullable<LaporanPageModel['submissions']>,
  month: string,
  placeName: (code: string) => string,
): SafeHtml =>
  html`${ratesLine(submissions.rates)}
  ${countTable({
    id: 'pengiriman',
    caption: 'Laporan per kecamatan',
    headers: ['Kecamatan', 'Status', 'Batas waktu', 'Dikirim'],
    rows: submissions.rows.map((row) => [
      html`<a href="${LAPORAN_PATH}?${String(new URLSearchParams({ area: row.kecamatan, month }))}"
        >${placeName(row.kecamatan)}</a
      >`,
      html`${LAPORAN_STATUS_LABELS[row.status]}${row.late ? html` <span class="badge">Terlambat</span>` : ''}`,
      row.dueAt ? formatLocalTime(row.dueAt, row.kecamatan, 'short') : '—',
      row.submittedAt ? formatLocalTime(row.submittedAt, row.kecamatan, 'short') : '—',
    ]),
  })}`

const provinceBody = (rows: readonly ProvinceViewRow[], month: string, placeName: (code: string) => string) =>
  countTable({
    id: 'rekap-provinsi',
    caption: 'Rekap kabupaten/kota',
    headers: [
      'Kabupaten/kota',
      'Kasus masuk',
      'Berkas verval',
      'PPKS ditemukan',
      'Laporan dikirim',
      'Terlambat',
    ],
    rows: rows.map((row) => [
      html`<a href="${LAPORAN_PATH}?${String(new URLSearchParams({ area: row.kabupaten, month }))}"
        >${placeName(row.kabupaten)}</a
      >`,
      row.filed,
      row.batches,
      row.ppksFound,
      `${row.rates.submitted}/${row.rates.kecamatan}`,
      row.rates.late,
    ]),
  })

export const laporanPage = (ctx: StaffContext, model: LaporanPageModel, statusCode = 200): HttpResult => {
  const month = model.filter.values.month ?? ''
  return staffPage(
    ctx,
    statusCode,
    'Laporan bulanan TKSK',
    html`${reportFilterForm(model.filter)} ${errorSummary(model.form, NARRATIVE_FIELDS)}
    ${model.notice ? html`<p class="ok" role="status">${model.notice}</p>` : ''}
    ${model.title && month ? html`<p class="report-title"><strong>${model.title}</strong> — ${monthLabel(month)}</p>` : ''}
    ${model.kecamatan ? kecamatanBody(model.kecamatan, ctx, model.form) : ''}
    ${model.submissions ? submissionsBody(model.submissions, month, model.placeName) : ''}
    ${model.province ? provinceBody(model.province, month, model.placeName) : ''}`,
  )
}
