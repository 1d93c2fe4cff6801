/**
 * The staff pages' tables: a caption for screen readers, column headers, and a wrapper
 * that scrolls sideways on a 360 px phone. The wrapper is a labelled, focusable region,
 * so a keyboard user can scroll it too (axe `scrollable-region-focusable`).
 */
import { html, type SafeHtml } from './html'

export interface DataTable {
  /** Names the table and its scroll region, e.g. "Tugas terbuka". */
  caption: string
  columns: readonly string[]
  /** `<tr>` rows, one cell per column. */
  rows: readonly SafeHtml[]
}

export const dataTable = ({ caption, columns, rows }: DataTable): SafeHtml =>
  html`<div class="table-wrap" role="region" aria-label="${caption}" tabindex="0">
    <table>
      <caption class="visually-hidden">
        ${caption}
      </caption>
      <thead>
        <tr>
          ${columns.map((column) => html`<th scope="col">${column}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`
