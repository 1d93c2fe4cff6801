/**
 * Parts shared by the dashboard and the laporan: the month/area filter (a GET form, so
 * it works without JavaScript) and count tables that the chart script can read.
 */
import type { Choice, FormState } from './fields'
import { errorSummary, inputField, selectField } from './fields'
import { html, type SafeHtml } from './html'
import { scrollRegion } from './scroll-region'

export interface ReportFilter extends FormState {
  action: string
  /** Areas to pick from (a kabupaten user's kecamatan, or the kabupaten itself). */
  areaChoices?: readonly Choice[]
  /** National users type a code. */
  areaFree: boolean
  areaHint: string
  /** The CSV of what is shown, when something is shown. */
  csvHref?: string
}

export const reportFilterForm = (filter: ReportFilter): SafeHtml =>
  html`${errorSummary(filter, ['month', 'area'])}
    <form method="get" action="${filter.action}" class="filters no-print">
      <div>
        ${inputField(filter, { name: 'month', label: 'Bulan', type: 'month', hint: 'TTTT-BB', plain: true })}
      </div>
      ${
        filter.areaChoices
          ? html`<div>
              ${selectField(filter, { name: 'area', label: 'Wilayah', plain: true, choices: filter.areaChoices })}
            </div>`
          : filter.areaFree
            ? html`<div>
                ${inputField(filter, { name: 'area', label: 'Kode wilayah', hint: filter.areaHint, plain: true })}
              </div>`
            : ''
      }
      <div><button type="submit">Tampilkan</button></div>
    </form>
    ${filter.csvHref ? html`<p class="no-print"><a href="${filter.csvHref}" download>Unduh CSV</a></p>` : ''}`

export interface CountTable {
  id: string
  caption: string
  headers: readonly string[]
  rows: readonly (readonly (string | number | SafeHtml)[])[]
  /** Row kept out of the chart (a total). */
  total?: readonly (string | number)[]
  chart?: 'bar' | 'doughnut'
  /** 1-based numeric columns the chart plots. */
  chartColumns?: readonly number[]
}

export const countTable = (table: CountTable): SafeHtml =>
  html`<section>
    <h2 id="${table.id}">${table.caption}</h2>
    ${scrollRegion(
      { labelledBy: table.id },
      html`<table${table.chart ? html` data-chart="${table.chart}" data-columns="${(table.chartColumns ?? [2]).join(',')}"` : ''}>
        <caption class="visually-hidden">${table.caption}</caption>
        <thead>
          <tr>
            ${table.headers.map((header) => html`<th scope="col">${header}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${table.rows.map(
            ([first, ...rest]) =>
              html`<tr>
                <th scope="row">${first}</th>
                ${rest.map((cell) => html`<td>${cell}</td>`)}
              </tr>`,
          )}
          ${
            table.total
              ? html`<tr data-total="true">
                  <th scope="row">${table.total[0]}</th>
                  ${table.total.slice(1).map((cell) => html`<td><strong>${cell}</strong></td>`)}
                </tr>`
              : ''
          }
        </tbody>
      </table>`,
    )}
  </section>`

/** `Januari 2026` for `2026-01`. */
export const monthLabel = (month: string): string =>
  new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
    new Date(`${month}-01T00:00:00Z`),
  )
