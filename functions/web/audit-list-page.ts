/**
 * `/staff/audit`: the review filters of `GET /api/audit` as a GET form, the entries
 * found, forward pages with the API's cursor, and the CSV export of the same filter (a POST form).
 */
import type { AuditEntry } from '../core/audit/audit-entry'
import type { HttpResult } from '../http/runtime/action'
import { actionText, actorText, auditTimeHtml, type AuditNames } from './audit-labels'
import { dataTable } from './data-table'
import { errorSummary, type FormState, inputField } from './fields'
import { html, type SafeHtml } from './html'
import { csrfInput, type StaffContext, staffPage } from './staff-layout'

/** The filter fields, in the order of the form; the names are the API's query parameters. */
export const AUDIT_FILTER_FIELDS = ['entityId', 'actor', 'action', 'from', 'to', 'area'] as const

/** The filled-in filters as a query string (without `?`), for pages, links and the export. */
export const auditFilterQuery = (values: Readonly<Record<string, string>>, extra: [string, string][] = []) =>
  new URLSearchParams([
    ...AUDIT_FILTER_FIELDS.flatMap((name): [string, string][] =>
      values[name] ? [[name, values[name]]] : [],
    ),
    ...extra,
  ]).toString()

/**
 * The CSV export of the filled-in filters: a POST with the CSRF token (DESIGN v3 §4),
 * since every export writes an `AUDIT_EXPORT` entry in the exporter's name.
 */
export const exportForm = (csrf: string, values: Readonly<Record<string, string>>): SafeHtml =>
  html`<form method="post" action="/staff/audit/export" class="inline-form">
    ${csrfInput(csrf)}${AUDIT_FILTER_FIELDS.map((name) =>
      values[name] ? html`<input type="hidden" name="${name}" value="${values[name]}" />` : '',
    )}
    <button type="submit">Unduh CSV (Excel)</button>
  </form>`

export const timelineHref = (entityId: string): string =>
  `/staff/audit/entitas?${new URLSearchParams({ entityId }).toString()}`

export interface AuditListModel extends FormState {
  items: readonly AuditEntry[]
  nextCursor: string | null
  /** False while a national user has not filtered yet: nothing was searched. */
  searched: boolean
  /** Absent until something was found: the names of its actors and places. */
  names?: AuditNames
}

// No entries, no lookups: never used to print a row.
const CODES_ONLY: AuditNames = { actor: (actor) => actor.id, place: (code) => code }

const filterForm = (model: AuditListModel): SafeHtml =>
  html`<form method="get" action="/staff/audit" class="filters">
    <div>
      ${inputField(model, { name: 'entityId', label: 'ID entitas', hint: 'mis. case:01J… atau user:auditor.bogor', plain: true })}
    </div>
    <div>${inputField(model, { name: 'actor', label: 'Pelaku (ID pengguna)', plain: true })}</div>
    <div>
      ${inputField(model, { name: 'action', label: 'Tindakan', hint: 'Kode, mis. CASE_CREATED.', plain: true })}
    </div>
    <div>${inputField(model, { name: 'from', label: 'Dari tanggal', type: 'date', plain: true })}</div>
    <div>${inputField(model, { name: 'to', label: 'Sampai tanggal', type: 'date', plain: true })}</div>
    <div>
      ${inputField(model, { name: 'area', label: 'Kode wilayah', hint: 'mis. 32.01 atau 32.01.14.', plain: true })}
    </div>
    <div><button type="submit">Tampilkan</button></div>
  </form>`

const resultTable = (items: readonly AuditEntry[], names: AuditNames): SafeHtml =>
  dataTable({
    caption: 'Entri audit',
    columns: ['Waktu', 'Entitas', 'Seq', 'Tindakan', 'Pelaku', 'Wilayah'],
    rows: items.map(
      (entry) =>
        html`<tr>
          <td>${auditTimeHtml(entry.at, entry.area)}</td>
          <td><a href="${timelineHref(entry.entityId)}">${entry.entityId}</a></td>
          <td>${entry.seq}</td>
          <td>${actionText(entry.action)}</td>
          <td>${actorText(entry.actor, names)}</td>
          <td>${entry.area}</td>
        </tr>`,
    ),
  })

export const auditListPage = (ctx: StaffContext, model: AuditListModel, statusCode = 200): HttpResult => {
  const filters = auditFilterQuery(model.values)
  const next = model.nextCursor ? auditFilterQuery(model.values, [['cursor', model.nextCursor]]) : ''
  const results = !model.searched
    ? html`<p class="notice">Isi kode wilayah (minimal kabupaten/kota), ID entitas atau pelaku.</p>`
    : model.items.length === 0
      ? html`<p>Tidak ada entri untuk filter ini.</p>`
      : resultTable(model.items, model.names ?? CODES_ONLY)
  return staffPage(
    ctx,
    statusCode,
    'Jejak audit',
    html`${errorSummary(model, AUDIT_FILTER_FIELDS)} ${filterForm(model)}
      ${model.searched && model.errors.length === 0 ? exportForm(ctx.csrf, model.values) : ''} ${results}
      <div class="pager">
        ${model.values.cursor ? html`<a href="/staff/audit${filters ? `?${filters}` : ''}">Halaman pertama</a>` : ''}
        ${next ? html`<a href="/staff/audit?${next}">Halaman berikutnya</a>` : ''}
      </div>`,
  )
}
