import { describe, expect, it } from 'vitest'
import { dataTable } from '../../../functions/web/data-table'
import { html } from '../../../functions/web/html'
import { countTable } from '../../../functions/web/report-parts'
import { scrollRegion } from '../../../functions/web/scroll-region'

const regionTags = (markup: string): string[] => markup.match(/<[a-z]+[^>]*role="region"[^>]*>/g) ?? []

describe('the scrolling box around a wide table', () => {
  it('is a focusable region named by a label or by a heading on the page', () => {
    const labelled = String(scrollRegion('Batch verval', html`<table></table>`))
    const headed = String(scrollRegion({ labelledBy: 'per-tahap' }, html`<table></table>`))
    expect(regionTags(labelled)).toEqual([
      '<div class="table-wrap" role="region" aria-label="Batch verval" tabindex="0">',
    ])
    expect(regionTags(headed)).toEqual([
      '<div class="table-wrap" role="region" aria-labelledby="per-tahap" tabindex="0">',
    ])
  })

  it('wraps a data table, named by its caption, with every column headed', () => {
    const markup = String(
      dataTable({
        caption: 'Entri audit',
        columns: ['Waktu', 'Seq'],
        rows: [
          html`<tr>
            <td>a</td>
            <td>b</td>
          </tr>`,
        ],
      }),
    )
    expect(regionTags(markup)).toEqual([
      '<div class="table-wrap" role="region" aria-label="Entri audit" tabindex="0">',
    ])
    expect(markup).toContain('<th scope="col">Waktu</th>')
    expect(markup).toMatch(/<caption class="visually-hidden">\s*Entri audit\s*<\/caption>/)
  })

  it('gives a count table one landmark named by its heading, not a second one of the same name around it', () => {
    const markup = String(
      countTable({
        id: 'per-tahap',
        caption: 'Kasus per tahap',
        headers: ['Tahap', 'Jumlah'],
        rows: [['Asesmen', 2]],
      }),
    )
    expect(markup).toContain('<h2 id="per-tahap">Kasus per tahap</h2>')
    expect(regionTags(markup)).toHaveLength(1)
    expect(markup).not.toMatch(/<section[^>]*aria-label/)
  })
})
