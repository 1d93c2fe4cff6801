/** How the doc guards read Markdown (test/support/docs-text.ts): as a reader sees it. */
import { describe, expect, it } from 'vitest'
import { quotesIn, routesQuoted } from '../../support/docs-text'

describe('the quotes of a document', () => {
  it('reads a code block inside a list item, indented with its fence, as code', () => {
    const text = ['1. Run:', '', '   ```sh', '   npm run bench', '   ```', '', 'then `npm test`.'].join('\n')
    expect(quotesIn('x.md', text).map(({ line, text: quoted }) => ({ line, quoted }))).toEqual([
      { line: 4, quoted: 'npm run bench' },
      { line: 7, quoted: 'npm test' },
    ])
  })

  it('keeps an indented block’s own lines when they are not quotes (prose after it stays prose)', () => {
    const text = ['  ```', '  `not inline`', '  ```', 'A `real` one.'].join('\n')
    expect(quotesIn('x.md', text).map((quote) => quote.text)).toEqual(['`not inline`', 'real'])
  })

  it('gives each inline quote the prose before it in its paragraph, across line breaks', () => {
    const text = [
      'A start refused for good (counted as',
      '`WorkflowStartsRefused`) alarms as `CaseStartsRefused`.',
    ].join('\n')
    expect(quotesIn('x.md', text).map((quote) => [quote.text, quote.before])).toEqual([
      ['WorkflowStartsRefused', 'A start refused for good (counted as '],
      ['CaseStartsRefused', 'A start refused for good (counted as `WorkflowStartsRefused`) alarms as '],
    ])
  })
})

describe('the routes a quote names', () => {
  const routesIn = (text: string) =>
    routesQuoted({ doc: 'x.md', line: 1, text, before: '' }, new Set(['api', 'staff'])).map(
      ({ method, path }) => `${method ?? ''} ${path}`.trim(),
    )

  it('takes a path after a method, after the local server or under a served prefix', () => {
    expect(routesIn('GET /health')).toEqual(['GET /health'])
    expect(routesIn('http://localhost:4100/p/status?ref=1')).toEqual(['/p/status'])
    expect(routesIn('/api/cases and /staff/tugas')).toEqual(['/api/cases', '/staff/tugas'])
  })

  it('leaves file paths alone', () => {
    expect(routesIn('/tmp/tksk-bench-load-x')).toEqual([])
    expect(routesIn('cat /proc/loadavg')).toEqual([])
  })
})
