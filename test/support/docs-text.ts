/**
 * The documents a newcomer and an operator read, and the code they quote: the tests that
 * keep their claims true (test/unit/docs/doc-claims.test.ts, test/infra/alarms.test.ts)
 * read them through here.
 */
import { readFileSync } from 'node:fs'

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
}

/** The text of a checked document, from the project root. */
export const docText = (doc: string): string => readFileSync(doc, 'utf8')

/**
 * What a document quotes as code: each `inline span` (joined across a line break, as
 * Markdown reads it) and each line of a fenced block, with the line it starts on.
 */
export const quotesOf = (doc: string): Quote[] => {
  const lines = docText(doc).split('\n')
  const quotes: Quote[] = []
  let fenced = false
  let prose: { line: number; text: string }[] = []
  const flushProse = () => {
    const joined = prose.map((p) => p.text).join('\n')
    for (const match of joined.matchAll(/`([^`]+)`/g)) {
      const before = joined.slice(0, match.index).split('\n').length - 1
      quotes.push({ doc, line: (prose[before]?.line ?? 0) + 1, text: (match[1] ?? '').replace(/\n/g, ' ') })
    }
    prose = []
  }
  for (const [index, text] of lines.entries()) {
    if (text.startsWith('```')) {
      flushProse()
      fenced = !fenced
    } else if (fenced) quotes.push({ doc, line: index + 1, text })
    else if (text.trim() === '') flushProse()
    else prose.push({ line: index, text })
  }
  flushProse()
  return quotes
}

export const allQuotes = (): Quote[] => CHECKED_DOCS.flatMap(quotesOf)

export const where = (quote: Quote): string => `${quote.doc}:${quote.line} \`${quote.text}\``
