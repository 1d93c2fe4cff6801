/**
 * `/staff/audit/entitas?entityId=`: one entity's chain in order, each entry with its
 * actor, action, time in the area's zone and its change field by field; a GET form
 * verifies the chain and shows a green or red verdict; the export link takes the chain.
 */
import type { AuditEntry } from '../core/audit/audit-entry'
import { diffEntry, type FieldChange } from '../core/audit/entry-diff'
import type { ChainBreak } from '../core/audit/verify-chain'
import type { HttpResult } from '../http/runtime/action'
import { exportForm, timelineHref } from './audit-list-page'
import {
  actionText,
  actorText,
  auditTimeHtml,
  type AuditNames,
  BREAK_EXPLANATIONS,
  valueText,
} from './audit-labels'
import { dataTable } from './data-table'
import { html, type SafeHtml } from './html'
import { type StaffContext, staffPage } from './staff-layout'

/** The answer of `GET /api/audit/verify` (the parts shown). */
export interface VerifyView {
  valid: boolean
  checked: number
  firstBrokenSeq?: string
  reason?: ChainBreak
  anchored: boolean
  anchor: { anchorSeq: string; seq: string; anchoredAt: string } | null
}

export interface AuditTimelineModel {
  entityId: string
  items: readonly AuditEntry[]
  nextCursor: string | null
  /** The cursor this page was read from, if not the first. */
  cursor?: string
  /** Present once the verify button was pressed; `'NOT_FOUND'` when the API knows no such chain. */
  verdict?: VerifyView | 'NOT_FOUND'
  names: AuditNames
}

const KIND_LABELS: Readonly<Record<FieldChange['kind'], string>> = {
  added: 'ditambah',
  removed: 'dihapus',
  changed: 'diubah',
}

/**
 * A field's dotted path that a narrow column wraps only after its dots
 * (`assessment.` / `eligible`), never inside a name as `code` elsewhere may.
 */
const fieldPath = (path: string): SafeHtml =>
  html`<code class="field-path"
    >${path.split('.').map((segment, i) => (i === 0 ? segment : html`.<wbr />${segment}`))}</code
  >`

const changeTable = (entry: AuditEntry, names: AuditNames): SafeHtml => {
  const changes = diffEntry(entry.before, entry.after)
  if (changes.length === 0) return html`<p>Tidak ada perubahan data.</p>`
  return dataTable({
    caption: `Perubahan pada entri ${entry.seq}`,
    columns: ['Kolom', 'Sebelum', 'Sesudah'],
    rows: changes.map(
      (change) =>
        html`<tr>
          <th scope="row">
            ${change.path ? fieldPath(change.path) : html`<code>(nilai)</code>`}
            <small>${KIND_LABELS[change.kind]}</small>
          </th>
          <td>${valueText(change.before, entry.area, names)}</td>
          <td>${valueText(change.after, entry.area, names)}</td>
        </tr>`,
    ),
  })
}

const entryItem = (entry: AuditEntry, names: AuditNames): SafeHtml =>
  html`<li id="seq-${entry.seq}">
    <h2>${entry.seq} · ${actionText(entry.action)}</h2>
    <dl>
      <dt>Waktu</dt>
      <dd>${auditTimeHtml(entry.at, entry.area)}</dd>
      <dt>Pelaku</dt>
      <dd>${actorText(entry.actor, names)}</dd>
      <dt>Korelasi</dt>
      <dd><code>${entry.correlationId}</code></dd>
      <dt>Hash</dt>
      <dd><code>${entry.hash.slice(0, 16)}…</code></dd>
    </dl>
    ${changeTable(entry, names)}
  </li>`

const verdictBox = (verdict: VerifyView | 'NOT_FOUND'): SafeHtml => {
  if (verdict === 'NOT_FOUND')
    return html`<div class="alert" role="alert">Jejak audit entitas ini tidak ditemukan.</div>`
  if (verdict.valid)
    return html`<div class="ok" role="status">
      <p><strong>Rantai valid (${verdict.checked} entri diperiksa)</strong></p>
      <p>
        ${
          verdict.anchor
            ? `Cocok dengan jangkar nomor ${verdict.anchor.anchorSeq} (seq ${verdict.anchor.seq}).`
            : 'Belum ada jangkar yang menyegel rantai ini; hanya hash antarentri yang diperiksa.'
        }
      </p>
    </div>`
  return html`<div class="alert" role="alert">
    <p>
      <strong
        >${verdict.firstBrokenSeq ? `Rantai rusak pada seq ${verdict.firstBrokenSeq}` : 'Rantai rusak'}</strong
      >
    </p>
    ${verdict.reason ? html`<p>${BREAK_EXPLANATIONS[verdict.reason]}</p>` : ''}
  </div>`
}

export const auditTimelinePage = (ctx: StaffContext, model: AuditTimelineModel): HttpResult => {
  const next = model.nextCursor
    ? `${timelineHref(model.entityId)}&cursor=${encodeURIComponent(model.nextCursor)}`
    : ''
  return staffPage(
    ctx,
    200,
    'Riwayat audit entitas',
    html`<p><a href="/staff/audit">Kembali ke pencarian</a></p>
      <p>Entitas: <code>${model.entityId}</code></p>
      ${model.verdict ? verdictBox(model.verdict) : ''}
      <form method="get" action="/staff/audit/entitas">
        <input type="hidden" name="entityId" value="${model.entityId}" />
        <input type="hidden" name="periksa" value="1" />
        <button type="submit">Periksa keutuhan rantai</button>
      </form>
      ${exportForm(ctx.csrf, { entityId: model.entityId })}
      ${
        model.items.length === 0
          ? html`<p>Tidak ada entri untuk entitas ini.</p>`
          : html`<ol class="audit-timeline">
              ${model.items.map((entry) => entryItem(entry, model.names))}
            </ol>`
      }
      <div class="pager">
        ${model.cursor ? html`<a href="${timelineHref(model.entityId)}">Halaman pertama</a>` : ''}
        ${next ? html`<a href="${next}">Halaman berikutnya</a>` : ''}
      </div>`,
  )
}
