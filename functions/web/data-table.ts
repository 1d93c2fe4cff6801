/**
 * The staff pages' tables: a caption for screen readers, column headers, inside a
 * `scrollRegion` so a wide table scrolls sideways on a 360 px phone.
 */
import { html, type SafeHtml } from './html'
import { scrollRegion } from './scroll-region'

export interface DataTable {
  /** Names the table and its scroll region, e.g. "Tugas terbuka". */
  caption: string
  columns: readonly string[]
  /** `<tr>` rows, one cell per column. */
  rows: readonly SafeHtml[]
}

export const dataTable = ({ caption, columns, rows }: DataTable): SafeHtml =>
  scrollRegion(
    caption,
    html`<table>
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
    </table>`,
  )
