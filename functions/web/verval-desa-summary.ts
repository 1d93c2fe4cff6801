/**
 * A verval batch's counts per desa/kelurahan, by desa name, as both the staff batch page
 * and the Dinsos approval link page show it: the approver decides on the same table the
 * operator reviewed.
 */
import type { Counts } from '../core/verval/summary'
import { dataTable } from './data-table'
import { html, type SafeHtml } from './html'

export const vervalDesaSummary = (
  byDesa: Readonly<Record<string, Counts>>,
  areaName: (code: string) => string,
): SafeHtml => {
  const desa = Object.entries(byDesa).sort(([a], [b]) => (a < b ? -1 : 1))
  if (desa.length === 0) return html`<p>Ringkasan per desa tersedia setelah validasi.</p>`
  return dataTable({
    caption: 'Ringkasan per desa/kelurahan',
    columns: ['Desa/kelurahan', 'Baru', 'Diubah', 'Dihapus', 'Tetap'],
    rows: desa.map(
      ([code, c]) =>
        html`<tr>
          <th scope="row">${areaName(code)}</th>
          <td>${c.added}</td>
          <td>${c.updated}</td>
          <td>${c.removed}</td>
          <td>${c.unchanged}</td>
        </tr>`,
    ),
  })
}
