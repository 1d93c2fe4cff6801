/** Where the lines of a composed batch came from (ADR 0033): each desa part and the TKSK's own rows. */
import type { SourceRange } from '../core/verval/compose-parts'
import { dataTable } from './data-table'
import { html, type SafeHtml } from './html'

const lines = (source: SourceRange): string =>
  source.firstLine === undefined ? '-' : `${source.firstLine}–${source.lastLine ?? source.firstLine}`

export const batchSources = (sources: readonly SourceRange[]): SafeHtml =>
  html`<section aria-labelledby="sumber">
    <h2 id="sumber">Sumber baris</h2>
    ${dataTable({
      caption: 'Sumber baris batch gabungan',
      columns: ['Sumber', 'Baris di batch', 'Jumlah', 'Sama dengan sumber lain'],
      rows: sources.map(
        (source) =>
          html`<tr>
            <td>${source.label}</td>
            <td>${lines(source)}</td>
            <td>${source.rows}</td>
            <td>${source.duplicates}</td>
          </tr>`,
      ),
    })}
  </section>`
