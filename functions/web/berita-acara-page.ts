/**
 * The printable Berita Acara Daftar KPM Perubahan (issue 21.3, ADR 0035) at
 * `/staff/berita-acara`: the state of the scope (approved and waiting batches), the
 * issue button, the paper itself (summary by desa and aksi, the changes with masked
 * identity numbers and birth years only, the two signature blocks, the verification
 * code and QR like the Surat Rekomendasi) and the form that records the signed paper.
 * Everything but the paper is `no-print`; the A4 rules are in app-css.ts.
 */
import { VERVAL_PROGRAM_LABELS } from '../core/catalog/verval-programs'
import {
  BERITA_ACARA_TITLE,
  type AksiCounts,
  type BeritaAcaraFigures,
  type BeritaAcaraRevision,
  type BeritaAcaraScope,
} from '../core/verval/berita-acara'
import type { BatchStatus } from '../core/verval/batch-status'
import { BATCH_STATUS_LABELS } from '../core/verval/batch-status'
import type { HttpResult } from '../http/runtime/action'
import { dataTable } from './data-table'
import { formatLongDate } from './dates'
import { errorSummary, type FormState, inputField } from './fields'
import { html, type SafeHtml } from './html'
import { groupedCode } from './letter-verification-page'
import { csrfInput, type StaffContext, staffPage } from './staff-layout'

/** A batch as the page lists it (the API's answer); approved ones have no status to show. */
export interface BatchLine {
  batchId: string
  kecamatan: string
  status?: BatchStatus
}

export interface BeritaAcaraDocument {
  revision: BeritaAcaraRevision
  figures: BeritaAcaraFigures
  verifyUrl: string
  qrCode: SafeHtml
}

export interface BeritaAcaraPageModel {
  scope: BeritaAcaraScope
  approved: BatchLine[]
  waiting: BatchLine[]
  changedSinceIssue: boolean
  document?: BeritaAcaraDocument
  /** Whether the caller may issue and record signatures (Dinsos of the kabupaten). */
  mayIssue: boolean
  signForm: FormState
  areaName: (code: string) => string
  kabupaten: string
}

const AKSI_COLUMNS = ['BARU', 'UBAH', 'HAPUS', 'TETAP'] as const
const AKSI_LABELS: Readonly<Record<keyof AksiCounts, string>> = {
  BARU: 'Baru',
  UBAH: 'Ubah',
  HAPUS: 'Hapus',
  TETAP: 'Tetap',
}

/** `MENINGGAL` → `Meninggal`, `TIDAK_MEMENUHI_SYARAT` → `Tidak memenuhi syarat`. */
const reasonLabel = (code: string): string =>
  code === '' ? '—' : code.charAt(0) + code.slice(1).toLowerCase().replaceAll('_', ' ')

/** `2026-12` → `Desember 2026`. */
export const periodLabel = (period: string): string =>
  new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
    new Date(`${period}-01T00:00:00Z`),
  )

const titleCase = (name: string): string =>
  name
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase())

/** The head of the region who signs: a Wali Kota for a KOTA, a Bupati for a KABUPATEN. */
export const regionHeadTitle = (kabupatenName: string): string =>
  /^kota\b/i.test(kabupatenName)
    ? `Wali Kota ${titleCase(kabupatenName.replace(/^kota\s+/i, ''))}`
    : `Bupati ${titleCase(kabupatenName.replace(/^kabupaten\s+/i, ''))}`

const sum = (counts: AksiCounts): number => AKSI_COLUMNS.reduce((total, aksi) => total + counts[aksi], 0)

const summaryTable = (figures: BeritaAcaraFigures, rollUp: boolean, areaName: (code: string) => string) =>
  dataTable({
    caption: 'Rekapitulasi per desa/kelurahan dan aksi',
    columns: [
      ...(rollUp ? ['Kecamatan'] : []),
      'Desa/Kelurahan',
      ...AKSI_COLUMNS.map((aksi) => AKSI_LABELS[aksi]),
      'Jumlah',
    ],
    rows: [
      ...figures.byDesa.map(
        (tally) =>
          html`<tr>
            ${rollUp ? html`<td>${areaName(tally.kecamatan)}</td>` : ''}
            <td>${areaName(tally.desa)} (${tally.desa})</td>
            ${AKSI_COLUMNS.map((aksi) => html`<td class="num">${tally.counts[aksi]}</td>`)}
            <td class="num">${sum(tally.counts)}</td>
          </tr>`,
      ),
      html`<tr class="total">
        <th scope="row" ${rollUp ? html` colspan="2"` : ''}>Jumlah</th>
        ${AKSI_COLUMNS.map((aksi) => html`<td class="num">${figures.totals[aksi]}</td>`)}
        <td class="num">${sum(figures.totals)}</td>
      </tr>`,
    ],
  })

const changesTable = (figures: BeritaAcaraFigures, areaName: (code: string) => string) =>
  figures.changes.length === 0
    ? html`<p>Tidak ada perubahan (semua baris berstatus Tetap).</p>`
    : dataTable({
        caption: 'Daftar KPM perubahan',
        columns: ['No.', 'Desa/Kelurahan', 'Nama', 'NIK', 'No. KK', 'Tahun lahir', 'Aksi', 'Alasan'],
        rows: figures.changes.map(
          (change, index) =>
            html`<tr>
              <td class="num">${index + 1}</td>
              <td>${areaName(change.desa)}</td>
              <td>${change.nama}</td>
              <td class="nik">${change.nik}</td>
              <td class="nik">${change.noKk}</td>
              <td>${change.birthYear === null ? '—' : String(change.birthYear)}</td>
              <td>${AKSI_LABELS[change.aksi]}</td>
              <td>${reasonLabel(change.alasan)}</td>
            </tr>`,
        ),
      })

const signatureBlock = (role: string, office: string): SafeHtml =>
  html`<div class="ba-sign">
    <p>${role}</p>
    <p>${office}</p>
    <div class="ba-sign-space" aria-hidden="true"></div>
    <p class="ba-sign-name">(..................................................)</p>
  </div>`

const paper = (model: BeritaAcaraPageModel, document: BeritaAcaraDocument): SafeHtml => {
  const { revision, figures, verifyUrl, qrCode } = document
  const { areaName } = model
  const rollUp = revision.area === model.kabupaten
  const kabupatenName = areaName(model.kabupaten)
  const office = `Dinas Sosial ${titleCase(kabupatenName)}`
  const where = rollUp
    ? `${titleCase(kabupatenName)} (rekapitulasi ${revision.kecamatans.length} kecamatan)`
    : `Kecamatan ${titleCase(areaName(revision.area))}`
  return html`<article
    class="letter berita-acara"
    aria-label="${BERITA_ACARA_TITLE} revisi ${revision.revision}"
  >
    <p class="letter-office">${office}</p>
    <h2 class="ba-title">${BERITA_ACARA_TITLE}</h2>
    <dl class="ba-meta">
      <dt>Program</dt>
      <dd>${VERVAL_PROGRAM_LABELS[revision.program]}</dd>
      <dt>Periode</dt>
      <dd>${periodLabel(revision.period)}</dd>
      <dt>Wilayah</dt>
      <dd>${where}</dd>
      <dt>Revisi</dt>
      <dd>
        ${String(revision.revision)}${revision.supersededBy ? html` (digantikan revisi ${String(revision.supersededBy)})` : ''}
      </dd>
      <dt>Batch verval</dt>
      <dd>${revision.batchIds.join(', ')}</dd>
    </dl>
    <p>
      Daftar keluarga penerima manfaat (KPM) yang berubah berdasarkan hasil verifikasi dan validasi periode
      ${periodLabel(revision.period)} yang telah disetujui Dinas Sosial, dengan rincian sebagai berikut.
    </p>
    <h3>Rekapitulasi per desa/kelurahan</h3>
    ${summaryTable(figures, rollUp, areaName)}
    <h3>Daftar KPM perubahan</h3>
    <p class="hint">NIK dan No. KK disamarkan; tanggal lahir ditulis tahunnya saja.</p>
    ${changesTable(figures, areaName)}
    <div class="ba-signatures">
      ${signatureBlock('Kepala Dinas Sosial', titleCase(kabupatenName))}
      ${signatureBlock('Mengesahkan,', regionHeadTitle(kabupatenName))}
    </div>
    <div class="letter-verify">
      ${qrCode}
      <div>
        <p>Keaslian berita acara ini dapat diperiksa dengan memindai kode QR atau membuka:</p>
        <p class="verify-url">${verifyUrl}</p>
        <p>Kode verifikasi: <span class="letter-code">${groupedCode(revision.code)}</span></p>
      </div>
    </div>
  </article>`
}

const SIGN_FIELDS = ['signedOn', 'signerName', 'scanReference'] as const

const signSection = (
  ctx: StaffContext,
  model: BeritaAcaraPageModel,
  revision: BeritaAcaraRevision,
): SafeHtml => {
  if (revision.signature)
    return html`<p class="notice" role="status">
      Ditandatangani oleh <strong>${revision.signature.signerName}</strong> pada
      ${formatLongDate(revision.signature.signedOn)}; pindaian: ${revision.signature.scanReference}.
    </p>`
  if (!model.mayIssue || revision.supersededBy !== undefined)
    return html`<p>Belum dicatat ditandatangani.</p>`
  const state = model.signForm
  return html`<form method="post" action="/staff/berita-acara/tanda-tangan" novalidate>
    <h3>Catat penandatanganan</h3>
    ${errorSummary(state, SIGN_FIELDS)} ${csrfInput(ctx.csrf)} ${scopeInputs(model.scope)}
    <input type="hidden" name="revision" value="${String(revision.revision)}" />
    ${inputField(state, { name: 'signedOn', label: 'Tanggal tanda tangan', type: 'date', required: true })}
    ${inputField(state, {
      name: 'signerName',
      label: 'Nama penanda tangan (Bupati/Wali Kota)',
      required: true,
      maxlength: 120,
    })}
    ${inputField(state, {
      name: 'scanReference',
      label: 'Rujukan pindaian',
      hint: 'Nomor arsip atau nama berkas pindaian berita acara yang sudah ditandatangani.',
      required: true,
      maxlength: 200,
    })}
    <button type="submit">Catat tanda tangan</button>
  </form>`
}

const scopeInputs = (scope: BeritaAcaraScope): SafeHtml =>
  html`<input type="hidden" name="area" value="${scope.area}" />
    <input type="hidden" name="program" value="${scope.program}" />
    <input type="hidden" name="period" value="${scope.period}" />`

const batchList = (batches: readonly BatchLine[], areaName: (code: string) => string): SafeHtml =>
  html`<ul>
    ${batches.map(
      (batch) =>
        html`<li>
          <a href="/staff/verval/${batch.batchId}">${batch.batchId}</a> · ${areaName(batch.kecamatan)}
          ${batch.status ? html` · ${BATCH_STATUS_LABELS[batch.status]}` : ''}
        </li>`,
    )}
  </ul>`

export const beritaAcaraPage = (
  ctx: StaffContext,
  model: BeritaAcaraPageModel,
  statusCode = 200,
): HttpResult => {
  const { scope, document, areaName } = model
  const current = document?.revision
  const issueLabel = current ? 'Terbitkan revisi (perbaikan)' : 'Terbitkan Berita Acara'
  const mayIssueNow = model.mayIssue && model.approved.length > 0 && (!current || model.changedSinceIssue)
  return staffPage(
    ctx,
    statusCode,
    BERITA_ACARA_TITLE,
    html`<section class="no-print" aria-labelledby="ba-state">
        <h2 id="ba-state">
          ${areaName(scope.area)} · ${VERVAL_PROGRAM_LABELS[scope.program]} · ${periodLabel(scope.period)}
        </h2>
        <p>Cetak dengan menu cetak peramban (Ctrl+P), kertas A4.</p>
        <h3>Batch disetujui</h3>
        ${model.approved.length > 0 ? batchList(model.approved, areaName) : html`<p>Belum ada.</p>`}
        ${
          model.waiting.length > 0
            ? html`<h3>Batch belum selesai</h3>
                ${batchList(model.waiting, areaName)}`
            : ''
        }
        ${
          model.changedSinceIssue
            ? html`<div class="alert" role="status">
                Batch yang disetujui berubah sejak revisi ${String(current?.revision ?? '')} diterbitkan:
                terbitkan revisi perbaikan.
              </div>`
            : ''
        }
        ${
          mayIssueNow
            ? html`<form method="post" action="/staff/berita-acara">
                ${csrfInput(ctx.csrf)} ${scopeInputs(scope)}
                <button type="submit">${issueLabel}</button>
              </form>`
            : ''
        }
        ${current ? signSection(ctx, model, current) : ''}
      </section>
      ${document ? paper(model, document) : html`<p>Berita Acara belum diterbitkan.</p>`}`,
  )
}
