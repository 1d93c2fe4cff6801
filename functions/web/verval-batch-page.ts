/**
 * `/staff/verval/{batchId}`: a batch's progress (reloading itself while the workflow runs,
 * no JavaScript), its counts and summary by desa, the error report, and what it changes
 * against the previous applied batch of the kecamatan and program. Long lists are cut
 * to keep the page light; the full error report is a download.
 */
import { REGION_FLAG_MESSAGE } from '../core/identity/validate-identity'
import type { BatchDiff, DiffFamily } from '../core/verval/batch-diff'
import type { NationalSending, OldRegionRows } from '../core/verval/batch-record'
import { type DecidedBy, deciderLabel } from '../core/links/decided-message'
import type { Counts } from '../core/verval/summary'
import type { RowError } from '../core/verval/row-error'
import type { HttpResult } from '../http/runtime/action'
import { dataTable } from './data-table'
import { formatShort } from './dates'
import { html, type SafeHtml } from './html'
import { type StaffContext, staffPage } from './staff-layout'
import { vervalDesaSummary } from './verval-desa-summary'
import type { BatchListItem } from './verval-list-page'
import type { SourceRange } from '../core/verval/compose-parts'
import { batchSources } from './verval-batch-sources'
import { batchProgress, batchStatusLabel, RUNNING_STATUSES } from './verval-progress'

/** `GET /api/verval/{batchId}` as the page reads it: the list's row and the batch's counts. */
export interface BatchPageView extends BatchListItem {
  summary: Counts
  byDesa: Record<string, Counts>
  decision?: { decision: 'APPROVE' | 'REJECT'; reason?: string; by: string; at: string } & DecidedBy
  oldRegions?: OldRegionRows
  /** The last national export that carried the batch (ADR 0034). */
  sentToNational?: NationalSending
  sendCount?: number
  /** A batch composed from desa parts (ADR 0033): which lines came from where. */
  sources?: SourceRange[]
}

export interface BatchPageModel {
  batch: BatchPageView
  errors: readonly RowError[]
  /** Absent while the rows are still being validated. */
  comparison?: { base?: { batchId: string; period: string }; diff: BatchDiff }
  areaName: (code: string) => string
}

/** Rows shown per list, so that even a 20,000-row batch stays under 100 KB; the rest is counted (the error report is downloadable in full). */
export const SHOWN_ERRORS = 150
export const SHOWN_FAMILIES = 50
export const REFRESH_SECONDS = 5

const cut = <T>(items: readonly T[], shown: number): readonly T[] => items.slice(0, shown)
const more = (total: number, shown: number): SafeHtml | '' =>
  total > shown ? html`<p>Ditampilkan ${shown} dari ${total} baris.</p>` : ''

const errorTable = (model: BatchPageModel): SafeHtml => {
  const { batchId } = model.batch
  if (model.errors.length === 0) return html`<p>Tidak ada kesalahan.</p>`
  return html`<p>
      Unduh laporan lengkap:
      <a href="/api/verval/${batchId}/errors?format=csv">CSV</a> ·
      <a href="/api/verval/${batchId}/errors?format=xlsx">Excel (XLSX)</a>
    </p>
    ${dataTable({
      caption: 'Kesalahan per baris',
      // The message before the code: on a phone the table scrolls sideways, and the first
      // columns in view should be the ones in Bahasa Indonesia.
      columns: ['Baris', 'Kolom', 'Pesan', 'Kode'],
      rows: cut(model.errors, SHOWN_ERRORS).map(
        (e) =>
          html`<tr>
            <td>${e.row}</td>
            <td>${e.field}</td>
            <td>${e.message}</td>
            <td>${e.code}</td>
          </tr>`,
      ),
    })}
    ${more(model.errors.length, SHOWN_ERRORS)}`
}

const familyList = (
  model: BatchPageModel,
  title: string,
  families: readonly (DiffFamily & { fields?: readonly string[] })[],
): SafeHtml =>
  html`<h3>${title} (${families.length})</h3>
    ${
      families.length === 0
        ? ''
        : html`<ul>
              ${cut(families, SHOWN_FAMILIES).map(
                (f) =>
                  html`<li>
                    ${f.nik} · ${f.nama} · ${model.areaName(f.kodeDesa)} (baris
                    ${f.line})${f.fields ? html`: ${f.fields.join(', ')}` : ''}
                  </li>`,
              )}
            </ul>
            ${more(families.length, SHOWN_FAMILIES)}`
    }`

const comparison = (model: BatchPageModel): SafeHtml => {
  const c = model.comparison
  if (!c) return html`<p>Perbandingan tersedia setelah validasi selesai.</p>`
  return html`<p>
      ${
        c.base
          ? html`Dibandingkan dengan verval yang terakhir diterapkan:
              <a href="/staff/verval/${c.base.batchId}">periode ${c.base.period}</a>.`
          : 'Belum ada verval yang diterapkan sebelumnya untuk kecamatan dan program ini; semua keluarga terhitung baru.'
      }
    </p>
    ${familyList(model, 'Keluarga baru', c.diff.added)}
    ${familyList(model, 'Keluarga dihapus', c.diff.removed)}
    ${familyList(model, 'Keluarga berubah', c.diff.changed)}
    ${familyList(model, 'Tidak tercantum lagi', c.diff.missing)}`
}

export const vervalBatchPage = (ctx: StaffContext, model: BatchPageModel): HttpResult => {
  const b = model.batch
  const running = RUNNING_STATUSES.includes(b.status)
  return staffPage(
    ctx,
    200,
    `Verval ${b.program} ${b.period}`,
    html`<p><a href="/staff/verval">Kembali ke daftar verval</a></p>
      <p>
        Kecamatan ${model.areaName(b.kecamatan)} · diunggah ${formatShort(b.createdAt, b.kecamatan)} · status:
        <strong>${batchStatusLabel(b.status)}</strong>
      </p>
      ${batchProgress(b.status)}
      ${
        running
          ? html`<p class="notice" role="status">
              Sedang diproses; halaman ini dimuat ulang otomatis setiap ${REFRESH_SECONDS} detik.
            </p>`
          : ''
      }
      ${
        b.status === 'APPLIED'
          ? html`<p>
              <a
                href="/staff/berita-acara?area=${b.kecamatan}&amp;program=${b.program}&amp;period=${b.period}"
                >Berita Acara Daftar KPM Perubahan</a
              >
            </p>`
          : ''
      }
      ${
        b.decision?.decision === 'REJECT'
          ? html`<p class="alert">Ditolak oleh ${deciderLabel(b.decision)}: ${b.decision.reason ?? ''}</p>`
          : ''
      }
      ${
        b.oldRegions
          ? html`<p class="notice" role="note">
              ${REGION_FLAG_MESSAGE} pada ${b.oldRegions.count} baris (baris
              ${b.oldRegions.lines.join(', ')}${b.oldRegions.count > b.oldRegions.lines.length ? ', …' : ''}).
              Baris ini tetap diterima; periksa KTP dan KK keluarga tersebut.
            </p>`
          : ''
      }
      ${b.sources ? batchSources(b.sources) : ''}
      <dl>
        <dt>Baris</dt>
        <dd>${b.rows}</dd>
        <dt>Kesalahan</dt>
        <dd>${b.errorCount}</dd>
        <dt>Ringkasan</dt>
        <dd>
          ${b.summary.added} baru, ${b.summary.updated} diubah, ${b.summary.removed} dihapus,
          ${b.summary.unchanged} tetap
        </dd>
        ${
          b.sentToNational
            ? html`<dt>Dikirim ke SIKS-NG</dt>
                <dd>
                  ${formatShort(b.sentToNational.at, b.kecamatan)} (ekspor
                  ${b.sentToNational.exportId})${
                    (b.sendCount ?? 1) > 1 ? html`, ${b.sendCount ?? 1} kali` : ''
                  }
                </dd>`
            : ''
        }
      </dl>
      <section aria-labelledby="desa">
        <h2 id="desa">Per desa/kelurahan</h2>
        ${vervalDesaSummary(b.byDesa, model.areaName)}
      </section>
      <section aria-labelledby="kesalahan">
        <h2 id="kesalahan">Laporan kesalahan</h2>
        ${errorTable(model)}
      </section>
      <section aria-labelledby="perbandingan">
        <h2 id="perbandingan">Perubahan sejak verval sebelumnya</h2>
        ${comparison(model)}
      </section>`,
    running ? { refreshSeconds: REFRESH_SECONDS } : {},
  )
}
