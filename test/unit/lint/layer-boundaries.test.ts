/**
 * The import boundaries of functions/ (tools/static/layers.mjs, the table eslint.config.js
 * builds its blocks from; docs/architecture.md's table is the contract): the exported table
 * must say what the docs say, cover every folder and file of functions/, and ESLint with the
 * project's own configuration must refuse every pair the table forbids and pass every pair
 * it allows, at each depth a file sits, so a block a later one replaces shows here.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'
import { LAYER_TABLE, LAYERS, MAX_DEPTH, TARGETS } from '../../../tools/static/layers.mjs'
import { REPO_ROOT } from '../../support/repo-root'

const eslint = new ESLint({ cwd: REPO_ROOT })
const SHORTEST_FORM = /Write the relative path in its shortest form/
const BOUNDARY = new RegExp(
  `This layer may not import that one|A view imports only types|${SHORTEST_FORM.source}`,
)

/** The lines of `code` that draw a boundary finding. */
const refusedLines = async (code: string, filePath: string): Promise<number[]> => {
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, filePath) })
  return (result?.messages ?? []).filter((message) => BOUNDARY.test(message.message)).map((m) => m.line)
}

/** The docs' "May import" cell, read as folders: `x/` allowed, `x/file.ts` narrowing `x/`. */
const docsTable = (): Record<string, { imports: string[]; types: string[] }> => {
  const text = readFileSync(path.join(REPO_ROOT, 'docs/architecture.md'), 'utf8')
  const rows = text
    .split('\n')
    .filter((line) => /^\| `[a-z]+\//.test(line))
    .map((line) => line.split('|').map((cell) => cell.trim()))
  const folders = (cell: string): string[] => {
    const found = [...cell.matchAll(/`([a-z]+)\/(?:([a-z-]+)\.ts)?`/g)].map(([, folder = '', file]) => ({
      folder,
      file,
    }))
    const narrowed = (folder: string) => found.find((entry) => entry.folder === folder && entry.file)?.file
    return [
      ...new Set(
        found.map(({ folder }) => {
          const file = narrowed(folder)
          return file ? `${folder}/${file}` : folder
        }),
      ),
    ]
  }
  const table: Record<string, { imports: string[]; types: string[] }> = {}
  for (const [, folderCell = '', , mayCell = ''] of rows) {
    const layer = /`([a-z]+)\//.exec(folderCell)?.[1] ?? ''
    const [plain = '', types = ''] = mayCell.split('types only')
    const like = /^like `([a-z]+)\/`/.exec(mayCell)?.[1]
    if (like) {
      table[layer] = table[like] ?? { imports: [], types: [] }
      continue
    }
    const everythingBut = /^everything but (.*?)(\(|$)/.exec(mayCell)?.[1]
    const imports = everythingBut
      ? TARGETS.filter((t) => t !== layer && !folders(everythingBut).includes(t))
      : folders(plain).filter((t) => t !== layer)
    table[layer] = { imports, types: folders(types) }
  }
  return table
}

describe('the layer table', () => {
  it('says what docs/architecture.md says, row by row', () => {
    const docs = docsTable()
    expect(Object.keys(docs).sort()).toEqual([...LAYERS].sort())
    for (const layer of LAYERS)
      expect({ layer, imports: docs[layer]?.imports.sort(), types: docs[layer]?.types.sort() }).toEqual({
        layer,
        imports: [...(LAYER_TABLE[layer]?.imports ?? [])].sort(),
        types: [...(LAYER_TABLE[layer]?.types ?? [])].sort(),
      })
    // http/dev/ (never deployed) is http/ that may also read the local platform.
    expect(LAYER_TABLE['http/dev']?.imports).toEqual([...(LAYER_TABLE.http?.imports ?? []), 'infra'])
  })

  it('has a row for every folder of functions/ and reaches every file', () => {
    const functions = path.join(REPO_ROOT, 'functions')
    const folders = readdirSync(functions, { withFileTypes: true }).filter((entry) => entry.isDirectory())
    expect(folders.map((entry) => entry.name).sort()).toEqual([...LAYERS].sort())
    const files = readdirSync(functions, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.ts'),
    )
    const deepest = Math.max(...files.map((file) => file.split(path.sep).length - 2))
    expect(files.every((file) => file.includes(path.sep))).toBe(true)
    expect(deepest).toBeLessThanOrEqual(MAX_DEPTH)
  })
})

/** Each row at the top of its folder and one folder down, importing every target. */
const CASES = Object.keys(LAYER_TABLE).flatMap((layer) =>
  [0, 1].map((depth) => ({ layer, depth, file: `functions/${layer}/${'sub/'.repeat(depth)}sample.ts` })),
)

describe.each(CASES)('what $layer may import (depth $depth)', ({ layer, depth, file }) => {
  const ups = layer.split('/').length + depth
  const own = layer.split('/')[0] ?? layer
  const row = LAYER_TABLE[layer] ?? { imports: [] }
  const specifier = (target: string, module: string) =>
    `${'../'.repeat(target === 'infra' ? ups + 1 : ups)}${target}/${module}`
  const lines = TARGETS.filter((target) => target !== own).flatMap((target) => [
    { target, module: 'sample', type: false },
    { target, module: 'html', type: false },
    { target, module: 'sample', type: true },
  ])
  const allowed = ({ target, module, type }: (typeof lines)[number]) =>
    row.imports.includes(target) ||
    row.imports.includes(`${target}/${module}`) ||
    (type && (row.types ?? []).includes(target))

  it('refuses exactly the pairs the table forbids', async () => {
    const code = lines
      .map(({ target, module, type }, i) =>
        type
          ? `import type { T${i} } from '${specifier(target, module)}'`
          : `import { v${i} } from '${specifier(target, module)}'`,
      )
      .join('\n')
    const used = `\nexport const used = [${lines.map((l, i) => (l.type ? `undefined as unknown as T${i}` : `v${i}`)).join(', ')}]\n`
    const refused = await refusedLines(code + used, file)
    const expected = lines.flatMap((line, i) => (allowed(line) ? [] : [i + 1]))
    expect(refused.map((n) => `${n}: ${code.split('\n')[n - 1]}`)).toEqual(
      expected.map((n) => `${n}: ${code.split('\n')[n - 1]}`),
    )
  })
})

describe('specifiers that only look like a layer', () => {
  it.each([
    ['functions/core/case/sample.ts', "import { Readable } from 'node:stream/web'"],
    ['functions/core/case/sample.ts', "import { request } from 'node:http'"],
    ['functions/core/case/sample.ts', "import { request } from 'http'"],
    ['functions/mail/sample.ts', "import { request } from 'node:http'"],
    ['functions/data/sample.ts', "import { ReadableStream } from 'node:stream/web'"],
    // flows/mail/ is the flows' own folder, not mail/ (which flows may import anyway) seen from web/.
    ['functions/flows/case/sample.ts', "import { deliverMail } from '../mail/deliver-mail'"],
    ['functions/web/sample.ts', "import { escapeHtml } from './html'"],
    // A subfolder of a layer named like another layer is the layer's own: only the exact climb to functions/ counts.
    ['functions/web/sub/sample.ts', "import { sample } from '../mail/sample'"],
    ['functions/data/sub/sample.ts', "import { sample } from '../web/sample'"],
  ])('passes %s: %s', async (file, code) => {
    expect(
      await refusedLines(`${code}\nexport const used = [${code.match(/\{ (\w+)/)?.[1]}]\n`, file),
    ).toEqual([])
  })

  it.each([
    // Each reaches http/ (or itself) from flows/ by a path the counted `../` of the table miss.
    ['functions/flows/sample.ts', '../flows/../http/sample'],
    ['functions/flows/sample.ts', './../http/sample'],
    ['functions/flows/sample.ts', '../../functions/http/sample'],
    ['functions/flows/sample.ts', '..//http/sample'],
    ['functions/flows/case/sample.ts', '../.././http/sample'],
    ['functions/flows/case/sample.ts', './sub/../../../http/sample'],
    ['functions/core/case/sample.ts', '../../../functions/data/sample'],
    // Allowed targets too: the rule is the form, not the layer.
    ['functions/http/sample.ts', '../core/../core/sample'],
    ['functions/web/sample.ts', './../shared/sample'],
  ])('refuses in %s the non-normalised %s', async (file, specifier) => {
    const code = `import { sample } from '${specifier}'\nexport const used = [sample]\n`
    const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, file) })
    const lines = (result?.messages ?? []).filter((m) => SHORTEST_FORM.test(m.message)).map((m) => m.line)
    expect(lines).toEqual([1])
  })

  it('still refuses the AWS SDK in core/', async () => {
    const code =
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb'\nexport const used = [DynamoDBClient]\n"
    expect(await refusedLines(code, 'functions/core/case/sample.ts')).toEqual([1])
  })
})
