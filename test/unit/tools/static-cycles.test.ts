import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import ts from 'typescript'
import { afterAll, describe, expect, it } from 'vitest'
import { findCycles, formatCycles, importGraph } from '../../../tools/static/cycles.mjs'

const dir = mkdtempSync(path.join(tmpdir(), 'static-cycles-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A small repository on disk, and the parse-only program `npm run lint:cycles` builds over it. */
function repository(files: Record<string, string>): { program: ts.Program; at: (file: string) => string } {
  const root = mkdtempSync(path.join(dir, 'repo-'))
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    writeFileSync(path.join(root, file), text)
  }
  const rootNames = Object.keys(files)
    .filter((file) => /\.m?ts$/.test(file))
    .map((file) => path.join(root, file))
  const options = {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    noResolve: true,
    noLib: true,
    types: [],
  }
  return { program: ts.createProgram({ rootNames, options }), at: (file) => path.join(root, file) }
}

describe('the circular-import check of npm run static', () => {
  it('counts a type-only import that closes a circle, as madge did', () => {
    const { program, at } = repository({
      'functions/a.ts': "import { b } from './b'\nexport const a = () => b()\n",
      'functions/b.ts': "import type { A } from './types'\nexport const b = (): A => 1\n",
      'functions/types.ts': "import type { a } from './a'\nexport type A = ReturnType<typeof a> | 1\n",
    })
    const cycles = findCycles(importGraph(program, [at('functions')]))
    expect(cycles).toEqual([[at('functions/a.ts'), at('functions/b.ts'), at('functions/types.ts')]])
  })

  it('follows re-exports, dynamic imports and import types, but not packages', () => {
    const { program, at } = repository({
      'functions/index.ts': "export * from './lazy'\nimport 'some-package'\n",
      'functions/lazy.ts': "export const load = () => import('./typed')\n",
      'functions/typed.ts': "export type Index = typeof import('./index')\n",
      'node_modules/some-package/package.json': '{ "name": "some-package", "types": "index.d.ts" }',
      'node_modules/some-package/index.d.ts': 'export {}\n',
    })
    const graph = importGraph(program, [at('functions')])
    expect(graph.get(at('functions/index.ts'))).toEqual([at('functions/lazy.ts')])
    expect(graph.get(at('functions/lazy.ts'))).toEqual([at('functions/typed.ts')])
    expect(findCycles(graph)).toHaveLength(1)
  })

  it('follows an import out of the checked folders and back into them', () => {
    const { program, at } = repository({
      'functions/handler.ts': "import { helper } from '../test/helper'\nexport const handler = helper\n",
      'test/helper.ts':
        "import type { handler } from '../functions/handler'\nexport const helper = (): typeof handler | undefined => undefined\n",
    })
    expect(findCycles(importGraph(program, [at('functions')]))).toEqual([
      [at('functions/handler.ts'), at('test/helper.ts')],
    ])
  })

  it('reports each circle the walk meets with the files in import order', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'b']],
      ['d', ['a']],
    ])
    expect(findCycles(graph)).toEqual([
      ['a', 'b', 'c'],
      ['b', 'c'],
    ])
  })

  it("words its report as madge's, with paths from the repository root", () => {
    expect(formatCycles([], '/repo')).toBe('✔ No circular dependency found!\n')
    expect(formatCycles([['/repo/functions/a.ts', '/repo/functions/b.ts']], '/repo')).toBe(
      '✖ Found 1 circular dependency!\n\n1) functions/a.ts > functions/b.ts\n',
    )
    expect(formatCycles([['/repo/a.ts'], ['/repo/b.ts', '/repo/c.ts']], '/repo')).toBe(
      '✖ Found 2 circular dependencies!\n\n1) a.ts\n2) b.ts > c.ts\n',
    )
  })
})
