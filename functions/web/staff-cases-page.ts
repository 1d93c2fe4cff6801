/** The case list (`/staff/cases`): filters by status, kind and area, forward pages with the API's cursor. */
import {
  CASE_OUTCOME_LABELS,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  type CaseOutcome,
  type CaseStatus,
} from '../core/catalog/case-statuses'
import { CATEGORY_LABELS, type CategoryCode } from '../core/catalog/categories'
import { CASE_KIND_LABELS, CASE_KINDS, type CaseKind } from '../core/case/case-kind'
import { serviceLabel, type ServiceCode } from '../core/catalog/services'
import type { HttpResult } from '../http/runtime/action'
import { formatShort } from './dates'
import { type Choice, errorSummary, type FormState, inputField, selectField } from './fields'
import { dataTable } from './data-table'
import { html } from './html'
import { type StaffContext, staffPage } from './staff-layout'

/** An item of `GET /api/cases`. */
export interface CaseListItem {
  caseId: string
  reference: string
  status: CaseStatus
  outcome?: CaseOutcome
  /** What the case is about (issue 15 item 6). */
  kind: CaseKind
  kecamatan: string
  villageCode: string
  category: CategoryCode
  service: ServiceCode
  updatedAt: string
}

export interface CaseListModel extends FormState {
  items: readonly CaseListItem[]
  nextCursor: string | null
  /** Kecamatan to filter by (kabupaten users); absent: a free area code (national users) or none (kecamatan users). */
  areaChoices?: readonly Choice[]
  areaFree: boolean
  areaName: (code: string) => string
}

export const statusText = (status: CaseStatus, outcome?: CaseOutcome): string =>
  `${CASE_STATUS_LABELS[status]}${outcome ? ` (${CASE_OUTCOME_LABELS[outcome]})` : ''}`

export const staffCasesPage = (ctx: StaffContext, model: CaseListModel, statusCode = 200): HttpResult => {
  const filters = new URLSearchParams(
    Object.entries({
      status: model.values.status ?? '',
      kind: model.values.kind ?? '',
      area: model.values.area ?? '',
    }).filter(([, v]) => v !== ''),
  )
  const next = model.nextCursor
    ? new URLSearchParams([...filters, ['cursor', model.nextCursor]]).toString()
    : ''
  const rows = model.items.map(
    (c) =>
      html`<tr>
        <td><a href="/staff/cases/${c.caseId}">${c.reference}</a></td>
        <td>${statusText(c.status, c.outcome)}</td>
        <td>${CASE_KIND_LABELS[c.kind]}</td>
        <td>${model.areaName(c.kecamatan)} / ${model.areaName(c.villageCode)}</td>
        <td>${CATEGORY_LABELS[c.category] ?? c.category}</td>
        <td>${serviceLabel(c.service)}</td>
        <td>${formatShort(c.updatedAt, c.kecamatan)}</td>
      </tr>`,
  )
  return staffPage(
    ctx,
    statusCode,
    'Daftar kasus',
    html`${errorSummary(model, ['status', 'kind', 'area'])}
      <form method="get" action="/staff/cases" class="filters">
        <div>
          ${selectField(model, {
            name: 'status',
            label: 'Tahap',
            plain: true,
            placeholder: 'Semua tahap',
            choices: CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] })),
          })}
        </div>
        <div>
          ${selectField(model, {
            name: 'kind',
            label: 'Jenis',
            plain: true,
            placeholder: 'Semua jenis',
            choices: CASE_KINDS.map((k) => ({ value: k, label: CASE_KIND_LABELS[k] })),
          })}
        </div>
        ${
          model.areaChoices
            ? html`<div>
                ${selectField(model, { name: 'area', label: 'Kecamatan', plain: true, placeholder: 'Semua kecamatan', choices: model.areaChoices })}
              </div>`
            : model.areaFree
              ? html`<div>
                  ${inputField(model, { name: 'area', label: 'Kode wilayah', hint: 'Kabupaten/kota atau kecamatan, mis. 32.01 atau 32.01.14.', plain: true })}
                </div>`
              : ''
        }
        <div><button type="submit">Tampilkan</button></div>
      </form>
      ${
        model.items.length === 0
          ? html`<p>Tidak ada kasus untuk pilihan ini.</p>`
          : dataTable({
              caption: 'Kasus',
              columns: [
                'Nomor registrasi',
                'Tahap',
                'Jenis',
                'Kecamatan / desa',
                'Kategori',
                'Layanan',
                'Diperbarui',
              ],
              rows,
            })
      }
      <div class="pager">
        ${filters.toString() || model.values.cursor ? html`<a href="/staff/cases${filters.toString() ? `?${filters.toString()}` : ''}">Halaman pertama</a>` : ''}${
          next ? html`<a href="/staff/cases?${next}">Halaman berikutnya</a>` : ''
        }
      </div>`,
  )
}
