/**
 * The documents a newcomer and an operator read, and the code they quote: the tests that
 * keep their claims true (test/unit/docs/doc-claims.test.ts, test/infra/alarms.test.ts)
 * read them through here.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { REPO_ROOT } from './repo-root'

export const CHECKED_DOCS = [
  'README.md',
  'docs/runbook.md',
  'docs/onboarding.md',
  'docs/architecture.md',
  'docs/scale.md',
  'docs/audit-verification.md',
  'docs/national-export-columns.md',
] as const

export interface Quote {
  doc: string
  line: number
  text: string
  /** The prose of the paragraph before the quote (empty in a code block): what the doc calls it. */
  before: string
}

/** The text of a checked document (a path from the repository root, whatever the cwd). */
export const docText = (doc: string): string => readFileSync(path.join(REPO_ROOT, doc), 'utf8')

/** A fence opens or closes a code block at any indentation (a block inside a list item too). */
const FENCE = /^\s*```/

/**
 * What a document quotes as code: each `inline span` (joined across a line break, as
 * Markdown reads it) and each line of a fenced block, with the line it starts on.
 */
export const quotesOf = (doc: string): Quote[] => quotesIn(doc, docText(doc))

/** The quotes of Markdown `text` (named `doc` in each quote). */
export const quotesIn = (doc: string, text: string): Quote[] => {
  const lines = text.split('\n')
  const quotes: Quote[] = []
  let fenced = false
  // A block inside a list item is indented with its fence: its lines are quoted without that indent.
  let indent = 0
  let prose: { line: number; text: string }[] = []
  const flushProse = () => {
    const joined = prose.map((p) => p.text).join('\n')
    for (const match of joined.matchAll(/`([^`]+)`/g)) {
      const before = joined.slice(0, match.index).split('\n').length - 1
      quotes.push({
        doc,
        line: (prose[before]?.line ?? 0) + 1,
        text: (match[1] ?? '').replace(/\n/g, ' '),
        before: joined.slice(0, match.index).replace(/\n/g, ' '),
      })
    }
    prose = []
  }
  for (const [index, text] of lines.entries()) {
    if (FENCE.test(text)) {
      flushProse()
      fenced = !fenced
      indent = text.length - text.trimStart().length
    } else if (fenced)
      quotes.push({ doc, line: index + 1, text: text.replace(new RegExp(`^ {0,${indent}}`), ''), before: '' })
    else if (text.trim() === '') flushProse()
    else prose.push({ line: index, text })
  }
  flushProse()
  return quotes
}

/**
 * The paths a quote names as routes: after a method (`GET /x`), after the local server's
 * address (`http://localhost:3000/x`), or whose first segment is one of `prefixes` (the
 * route table's); a file path (`/tmp/x`) is none. A query string is dropped.
 */
export const routesQuoted = (quote: Quote, prefixes: ReadonlySet<string>) =>
  [
    ...quote.text.matchAll(
      /(?:^|\s|(http:\/\/localhost:\d+))(?:(GET|POST|PUT|PATCH|DELETE) )?(\/(?!\/)[^\s`,;)"']*)/g,
    ),
  ]
    .map((match) => ({
      quote,
      local: match[1] !== undefined,
      method: match[2],
      path: (match[3] ?? '').replace(/\?.*$/, ''),
    }))
    .filter(
      ({ local, method, path }) => local || method !== undefined || prefixes.has(path.split('/')[1] ?? ''),
    )

export const allQuotes = (): Quote[] => CHECKED_DOCS.flatMap(quotesOf)

export const where = (quote: Quote): string => `${quote.doc}:${quote.line} \`${quote.text}\``
