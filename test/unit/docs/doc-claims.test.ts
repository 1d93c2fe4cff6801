/**
 * The checkable claims of README.md and docs/ (test/support/docs-text.ts lists them)
 * against the code: every `npm run` script, file path, route, environment variable,
 * context key, constant, ADR and quoted log line they name exists. After fourteen
 * sessions of change the docs named a deleted test file, a start the intake no longer
 * makes and two stacks where there are three; these checks catch the next such drift
 * in the commit that causes it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_RETENTION_YEARS } from '../../../functions/core/retention/retention-rule'
import { STAFF_COLUMNS } from '../../../functions/core/staff/staff-sheet'
import { STAFF_ROLES } from '../../../functions/core/staff/staff-member'
import layout from '../../../functions/core/verval/national-layout.json'
import { routes } from '../../../functions/http/routes'
import { allQuotes, CHECKED_DOCS, docText, type Quote, routesQuoted, where } from '../../support/docs-text'
import { REPO_ROOT } from '../../support/repo-root'

const SOURCE_ROOTS = ['functions', 'infra', 'bench', 'workflows', 'tools', 'test', '.ci', 'docs']
const SKIPPED_DIRS = new Set(['node_modules', 'cdk.out', '.data', 'screenshots'])

/** Paths stay relative to the repository root (the docs quote them so); reads resolve them there, whatever the cwd. */
const fromRoot = (path: string) => join(REPO_ROOT, path)
const read = (path: string) => readFileSync(fromRoot(path), 'utf8')

const walk = (dir: string): string[] =>
  readdirSync(fromRoot(dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : [path, ...walk(path)]
    return [path]
  })

const projectFiles = [
  ...readdirSync(REPO_ROOT).filter((name) => statSync(fromRoot(name)).isFile()),
  ...SOURCE_ROOTS.flatMap(walk),
]
/** The code the docs describe (not the tests, not the docs themselves). */
const code = projectFiles
  .filter((path) => /^(functions|infra|bench|workflows|tools|\.ci)\//.test(path))
  .filter((path) => /\.(ts|mts|mjs|js|json)$|\/run$/.test(path))
  .map((path) => read(path))
  .join('\n')

const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&')

/** The cells of each row of the Markdown table whose header row starts with `first`. */
const tableRows = (doc: string, first: string): string[][] => {
  const lines = docText(doc).split('\n')
  const start = lines.findIndex((line) => line.startsWith(`| ${first} |`))
  const rows: string[][] = []
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    )
  }
  return rows
}

const quotedIn = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '')

const words = (quotes: readonly Quote[]) =>
  quotes.flatMap((quote) => quote.text.split(/\s+/).map((word) => ({ quote, word })))

describe('README and docs/', () => {
  it('name only npm scripts that package.json has', () => {
    const scripts = Object.keys(
      (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts,
    )
    const named = CHECKED_DOCS.flatMap((doc) =>
      [...docText(doc).matchAll(/npm run ([\w:-]+)/g)].map((match) => ({ doc, script: match[1] ?? '' })),
    )
    expect(named.length).toBeGreaterThan(10)
    expect(named.filter(({ script }) => !scripts.includes(script))).toEqual([])
  })

  /**
   * A path from the project root, from `functions/` (docs/architecture.md names the layers
   * so), or a file name of a folder the same sentence names: some file must end with it.
   * `<x>` and `*` stand for any name.
   */
  it('name only files and folders that exist', () => {
    // Made by a run or kept by an office, never in the repository.
    const madeElsewhere = new Set(['test/e2e/screenshots/', 'bench-result.json', 'cdk.context.json'])
    const isPath = (word: string) =>
      /^(functions|infra|test|bench|workflows|tools|docs|\.ci|core|shared|data|mail|flows|http|steps|observability|web|triggers)\//.test(
        word,
      ) || /^[\w.*<>/-]+\.(ts|mjs|js|json|md|csv)$/.test(word)
    const paths = words(allQuotes())
      .map(({ quote, word }) => ({ quote, word: word.replace(/[,;:)]+$/, '').replace(/^\(/, '') }))
      // Not the project's: the contract beside the checkout, runtime data, S3 keys, URLs.
      .filter(({ word }) => !/^(\/|\.\.\/|\.data\/|DATA_DIR\/|anchors\/)|:\/\//.test(word))
      // A word cut out of a placeholder with spaces (`<9999999999 − anchorSeq>`).
      .filter(({ word }) => word.split('<').length === word.split('>').length)
      .filter(({ word }) => isPath(word) && !madeElsewhere.has(word))
    const pattern = (path: string) =>
      new RegExp(
        `(^|/)${escape(path.replace(/\/$/, ''))
          .replace(/\*/g, '[^/]*')
          .replace(/<[^>]+>/g, '[^/]+')}(\\.ts)?$`,
      )
    const missing = paths.filter(({ word }) => {
      if (existsSync(fromRoot(word)) || existsSync(fromRoot(join('functions', word)))) return false
      const wanted = pattern(word)
      return !projectFiles.some((file) => wanted.test(file))
    })
    expect(paths.length).toBeGreaterThan(80)
    expect(missing.map(({ quote, word }) => `${word} in ${where(quote)}`)).toEqual([])
  })

  /**
   * Every path quoted as a route (`GET /api/…`, `/staff/…`, `http://localhost:3000/…`) is
   * in the route table, with its method when one is named; `{x}`, `<x>` and `…` stand
   * for a path parameter, a path ending in `/` or `/…` for the routes below it.
   */
  it('name only routes that the route table has', () => {
    const table = routes.map((route) => ({
      method: route.method,
      path: new RegExp(`^${route.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      prefix: route.path,
    }))
    const prefixes = new Set([...routes.map((route) => route.path.split('/')[1] ?? ''), '__aws'])
    const quoted = allQuotes().flatMap((quote) => routesQuoted(quote, prefixes))
    // The AWS endpoints of the local platform, not a route of the API.
    const local = quoted.filter(({ path }) => path === '/__aws')
    expect(local.length).toBeGreaterThan(0)
    expect(code).toContain("'/__aws'")
    const unknown = quoted.filter(({ method, path }) => {
      if (path === '/__aws') return false
      if (/(\/|\/…)$/.test(path) && path !== '/') {
        const prefix = path.replace(/…$/, '')
        return !table.some((route) => route.prefix.startsWith(prefix))
      }
      const concrete = path.replace(/\{[^}]+\}|<[^>]+>|…/g, 'x')
      return !table.some((route) => route.path.test(concrete) && (!method || method === route.method))
    })
    expect(quoted.length).toBeGreaterThan(40)
    expect(unknown.map(({ quote, method, path }) => `${method ?? ''} ${path} in ${where(quote)}`)).toEqual([])
  })

  it('set only environment variables that the code reads', () => {
    const assigned = words(allQuotes())
      .map(({ quote, word }) => ({ quote, name: /^([A-Z][A-Z0-9_]+)=/.exec(word)?.[1] }))
      .filter((found): found is { quote: Quote; name: string } => found.name !== undefined)
    // Read by npm and vitest, not by this code.
    const readByTools = new Set(['CI'])
    const reads = (name: string) =>
      readByTools.has(name) ||
      new RegExp(`env\\.${name}\\b|env\\[['"]${name}['"]\\]|\\(['"]${name}['"]`).test(code)
    expect(assigned.length).toBeGreaterThan(5)
    expect(
      assigned.filter(({ name }) => !reads(name)).map(({ quote, name }) => `${name} in ${where(quote)}`),
    ).toEqual([])
  })

  /**
   * A quoted upper-case name (a status, an audit action, an environment variable, a
   * constant, a column of the national layout) is spelled somewhere in the code; AWS's own
   * words are listed.
   */
  it('name only upper-case names that the code spells', () => {
    // Words of AWS and DNS (an SES identity's status, record types), not of this code.
    const awsWords = new Set(['SUCCESS', 'TXT', 'MX'])
    // TOUR is the list of a test (README: a new page is one line in it).
    const spelled = code + read('test/e2e/browser/pages.test.ts')
    const names = allQuotes()
      .filter((quote) => /^[A-Z][A-Z0-9_]{2,}$/.test(quote.text) && !awsWords.has(quote.text))
      .filter((quote) => !new RegExp(`\\b${quote.text}\\b`).test(spelled))
    expect(names.map(where)).toEqual([])
  })

  it('pass only CDK context keys that the app reads', () => {
    const keys = CHECKED_DOCS.flatMap((doc) =>
      [...docText(doc).matchAll(/-c (\w+)=/g)].map((match) => ({ doc, key: match[1] ?? '' })),
    )
    const app = read('infra/stacks/tksk-app.ts') + read('infra/constructs/stage.ts')
    expect(keys.length).toBeGreaterThan(8)
    expect(keys.filter(({ key }) => !app.includes(`'${key}'`))).toEqual([])
  })

  it('cite only ADRs that docs/adr has', () => {
    const adrs = readdirSync(fromRoot('docs/adr')).map((name) => name.slice(0, 4))
    const cited = CHECKED_DOCS.flatMap((doc) =>
      [...docText(doc).matchAll(/(?:ADR|docs\/adr\/)((?:,? ?(?:and )?\d{4}\b)+)/g)].flatMap((match) =>
        [...(match[1] ?? '').matchAll(/\d{4}/g)].map((number) => ({ doc, adr: number[0] })),
      ),
    )
    expect(cited.length).toBeGreaterThan(30)
    expect(cited.filter(({ adr }) => !adrs.includes(adr))).toEqual([])
  })

  /** An operator greps for these: each part between `…` is in the code as written. */
  it('quote only log lines and start messages the code prints', () => {
    const printed = CHECKED_DOCS.flatMap((doc) =>
      [...docText(doc).matchAll(/(?:log line|prints) `([^`]+)`/g)].map((match) => ({
        doc,
        line: match[1] ?? '',
      })),
    )
    expect(printed.length).toBeGreaterThanOrEqual(3)
    const absent = printed.filter(({ line }) =>
      line
        .split('…')
        .map((part) => part.trim())
        .some((part) => part !== '' && !code.includes(part)),
    )
    expect(absent).toEqual([])
  })

  it('onboarding: the staff sheet has the columns and roles the import reads', () => {
    const rows = tableRows('docs/onboarding.md', 'column')
    expect(rows.flatMap(([column]) => quotedIn(column ?? ''))).toEqual([...STAFF_COLUMNS])
    const roles = rows.find(([column]) => column === '`peran`')?.[1] ?? ''
    expect(quotedIn(roles).sort()).toEqual([...STAFF_ROLES].sort())
  })

  it('national export: the column table and the layout in force are the JSON the export reads', () => {
    const columns = tableRows('docs/national-export-columns.md', '#').map(([number, header, from]) => ({
      number: Number(number),
      header: quotedIn(header ?? '')[0],
      from: quotedIn(from ?? '')[0],
    }))
    expect(columns).toEqual(layout.columns.map((column, index) => ({ number: index + 1, ...column })))
    const inForce = Object.fromEntries(
      tableRows('docs/national-export-columns.md', 'field').map(([field, value]) => [
        quotedIn(field ?? '')[0],
        value ?? '',
      ]),
    )
    expect(inForce.id).toContain(`\`${layout.id}\``)
    expect(inForce.name).toBe(layout.name)
    expect(inForce.date).toBe(layout.date)
    for (const [word, national] of Object.entries(layout.aksi))
      expect(docText('docs/national-export-columns.md')).toContain(`\`${word}\` → \`${national}\``)
  })

  /**
   * The tables pasted from `npm run bench` and `npm run bench:load` name figures and
   * baselines those benches still print: each name matches a `name:` of bench/ (a
   * template's `${…}` stands for any text).
   */
  it('README: the bench tables name figures and baselines the benches print', () => {
    const benchCode = walk('bench')
      .filter((path) => path.endsWith('.ts'))
      .map((path) => read(path))
      .join('\n')
    // A name built from another template (`${name} p95`, `const name = `${label}, …``) is
    // matched with that template spelled out, so a row is never matched by its suffix alone.
    const templates = new Map(
      [...benchCode.matchAll(/const (\w+) = `([^`]+)`/g)].map((match) => [match[1] ?? '', match[2] ?? '']),
    )
    const spelledOut = (name: string) =>
      name.replace(/\$\{(\w+)\}/g, (whole, id: string) => templates.get(id) ?? whole)
    const names = [...benchCode.matchAll(/name: (?:'([^']+)'|`([^`]+)`)/g)].map(
      (match) =>
        new RegExp(`^${escape(spelledOut(match[1] ?? match[2] ?? '')).replace(/\\\$\\\{[^}]*\\\}/g, '.+')}$`),
    )
    expect(names.filter((pattern) => pattern.test('bogus p95')).map(String)).toEqual([])
    const readme = docText('README.md')
    const pasted = ['bench', 'bench-load'].flatMap((part) => {
      const table = readme.slice(
        readme.indexOf(`<!-- ${part}:start -->`),
        readme.indexOf(`<!-- ${part}:end -->`),
      )
      return table
        .split('\n')
        .filter((line) => line.startsWith('| ') && !line.startsWith('| Figure') && !line.startsWith('| ---'))
        .flatMap((line) => {
          const [figure, , baseline] = line
            .slice(1, -1)
            .split(' | ')
            .map((cell) => cell.trim())
          const baselineName = baseline && baseline !== '—' ? baseline.replace(/: [^:]+$/, '') : undefined
          return [figure ?? '', ...(baselineName ? [baselineName] : [])]
        })
    })
    expect(pasted.length).toBeGreaterThan(40)
    expect(pasted.filter((name) => !names.some((pattern) => pattern.test(name)))).toEqual([])
  })

  it('audit verification: names every kind of chain the keys module declares', () => {
    const kinds = [...read('functions/data/keys/shapes.ts').matchAll(/chain: chain\('([a-z-]+):/g)].map(
      (match) => match[1] ?? '',
    )
    expect(kinds.length).toBeGreaterThan(10)
    const doc = docText('docs/audit-verification.md')
    expect(kinds.filter((kind) => !doc.includes(`\`${kind}:`))).toEqual([])
  })

  it('README: the test command and the prerequisites are what .ci/run runs and installs', () => {
    const ci = read('.ci/run')
    const readme = docText('README.md')
    const testBlock = /## Test\n\n```sh\n([^`]+)```/.exec(readme)?.[1]?.trim()
    const ciCommand = ci.trim().split('\n').at(-1)
    expect(testBlock).toBe(ciCommand)
    const readmePackages = [...readme.matchAll(/apt-get install -y ([\w.-]+)/g)].map((match) => match[1])
    const ciPackages = [...ci.matchAll(/need_apt\+=\(([\w.-]+)\)/g)].map((match) => match[1])
    expect(readmePackages.sort()).toEqual(ciPackages.sort())
    expect(ci).toMatch(/-lt 17 \]/)
    expect(readme).toContain('Java 17')
  })

  it('architecture: the layer table names every use-case folder', () => {
    const row = docText('docs/architecture.md')
      .split('\n')
      .find((line) => line.startsWith('| `flows/<domain>/` |'))
    const named = quotedIn(row?.split(' | ')[1] ?? '')
    const folders = readdirSync(fromRoot('functions/flows'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
    expect(named.sort()).toEqual(folders.sort())
  })

  /**
   * A default the docs give is the one the code falls back to: context keys as
   * infra/stacks/tksk-app.ts reads them (`key` (N), `a`/`b` (N/M), `-c key=…` (default X)),
   * environment variables as the code reads them (`NAME` (default X), `NAME`, default X).
   */
  it('quote the defaults the app and the platform fall back to', () => {
    const app = read('infra/stacks/tksk-app.ts')
    const defaults = new Map<string, string>(
      [...app.matchAll(/context(?:<[^>]+>)?\('(\w+)', ([\w.'-]+)\)/g)].map((match) => [
        match[1] ?? '',
        (match[2] ?? '').replace(/'/g, ''),
      ]),
    )
    defaults.set('stage', 'prod')
    defaults.set('retentionYears', String(DEFAULT_RETENTION_YEARS))
    const number = (text: string) => text.replace(/[,_]/g, '')
    const wrong: string[] = []
    const compared: string[] = []
    const compare = (doc: string, key: string, given: string) => {
      const known = defaults.get(key)
      if (known === undefined) return
      compared.push(key)
      if (number(known) !== number(given)) wrong.push(`${doc}: ${key} default ${given}, code ${known}`)
    }
    for (const doc of CHECKED_DOCS) {
      const text = docText(doc)
      for (const match of text.matchAll(/`(\w+)`(?:\/`(\w+)`)? \((\d[\d,]*)(?:\/(\d[\d,]*))?/g)) {
        compare(doc, match[1] ?? '', match[3] ?? '')
        if (match[2] && match[4]) compare(doc, match[2], match[4])
      }
      for (const match of text.matchAll(/`-c (\w+)=[^`]*` \(default (\w+)\)/g))
        compare(doc, match[1] ?? '', match[2] ?? '')
      for (const match of text.matchAll(/context `(\w+)`, default (\w+)/g))
        compare(doc, match[1] ?? '', match[2] ?? '')
      for (const match of text.matchAll(
        /`([A-Z][A-Z0-9_]+)`,?\s+\(?default\s+`?([\w./]+(?:,\d{3})*)`?[,;)\s]/g,
      )) {
        const [, name = '', given = ''] = match
        compared.push(name)
        const value = escape(given.replace(/\/$/, ''))
        const digits = number(given)
        // 20,000 in a doc is 20_000 in the code.
        const grouped = digits.replace(/(\d)(?=(\d{3})+$)/g, '$1_')
        // Every read of the variable that falls back must fall back to this value: one file
        // agreeing while another reads a different default is a drift too.
        const reads = [
          ...code.matchAll(new RegExp(`${name}'?\\)? (?:\\?\\?|\\|\\|) ('[^']*'|[\\w.]+)`, 'g')),
          ...code.matchAll(new RegExp(`'${name}', ([\\w.]+)\\)`, 'g')),
        ].map((match) => (match[1] ?? '').replace(/^'|'$/g, ''))
        const agrees = (fallback: string) =>
          [value.replace(/\\/g, ''), digits, grouped].includes(fallback.replace(/\/$/, ''))
        if (reads.length === 0) wrong.push(`${doc}: ${name} default ${given} not found in the code`)
        for (const fallback of reads.filter((fallback) => !agrees(fallback)))
          wrong.push(`${doc}: ${name} default ${given}, but the code reads it with default ${fallback}`)
      }
    }
    expect(compared.length).toBeGreaterThanOrEqual(8)
    expect(wrong).toEqual([])
  })

  it('spell only DynamoDB key parts that the keys module declares', () => {
    const shapes = read('functions/data/keys/shapes.ts')
    // SUMMARY# is the proposal of docs/scale.md §3; NAME#… is the lint rule's pattern.
    const notKeys = new Set(['SUMMARY', 'NAME'])
    const parts = allQuotes().flatMap((quote) =>
      [...quote.text.matchAll(/\b([A-Z][A-Z0-9_]*)#/g)].map((match) => ({ quote, part: match[1] ?? '' })),
    )
    expect(parts.length).toBeGreaterThan(8)
    expect(
      parts
        .filter(({ part }) => !notKeys.has(part) && !shapes.includes(`${part}#`))
        .map(({ quote, part }) => `${part}# in ${where(quote)}`),
    ).toEqual([])
  })
})
