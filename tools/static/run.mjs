// `npm run static`: the type check, ESLint, the circular-import check and Prettier in less
// CPU than running tsc, eslint, madge and prettier one by one (docs/adr/0047). TypeScript
// builds the program once: tsc's own command line reports its diagnostics, ESLint parses
// from that program's source files instead of parsing every file again, and the import
// graph comes from the same program. Prettier has nothing to share, so it runs beside them
// in a child process on the other core.
//
// The checks and their messages stay those of `npm run typecheck` and `npm run lint`: the
// same tsconfig and flags, the same eslint.config.js, the same Prettier config and ignore
// files. Exit status: 0 when every check passed, 1 otherwise.
import { spawn } from 'node:child_process'
import process from 'node:process'
import path from 'node:path'
import { ESLint } from 'eslint'
import ts from 'typescript'
import { checkCycles } from './cycles.mjs'

const root = path.resolve(import.meta.dirname, '../..')
process.chdir(root)

/** Prettier on the other core; its output is printed once the other checks have printed theirs. */
function startPrettier() {
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules/prettier/bin/prettier.cjs'),
      '--check',
      '--cache',
      '--cache-strategy',
      'content',
      '.',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  return new Promise((resolve) => child.on('close', (code) => resolve({ ok: code === 0, output })))
}

/**
 * tsc itself, with `npm run typecheck`'s arguments; returns its exit status and the program it
 * built. `executeCommandLine` is what `tsc` runs (lib/_tsc.js), exported by the typescript
 * package though not declared in its typings: a TypeScript upgrade that drops it fails here,
 * loudly, rather than checking less.
 */
function typecheck() {
  if (typeof ts.executeCommandLine !== 'function') {
    throw new Error(`typescript ${ts.version} no longer exports executeCommandLine: see docs/adr/0047`)
  }
  let status = 0
  let program
  const system = { ...ts.sys, exit: (code) => void (status = code) }
  ts.executeCommandLine(system, (built) => (program = 'getProgram' in built ? built.getProgram() : built), [
    '--noEmit',
    '--incremental',
    '--tsBuildInfoFile',
    'node_modules/.cache/tsc/tsconfig.tsbuildinfo',
  ])
  return { ok: status === 0, program }
}

/** ESLint over the repository with eslint.config.js; files of the program are parsed from it. */
async function lint(program) {
  // A matcher function, not a list of globs: ESLint would try each of ~1,000 globs on each file.
  const inProgram = new Set(
    program ? program.getRootFileNames().map((fileName) => path.resolve(fileName)) : [],
  )
  const eslint = new ESLint({
    cwd: root,
    overrideConfig: program
      ? [
          {
            files: [(filePath) => inProgram.has(filePath)],
            languageOptions: { parserOptions: { programs: [program] } },
          },
        ]
      : [],
  })
  const results = await eslint.lintFiles(['.'])
  const formatter = await eslint.loadFormatter('stylish')
  process.stdout.write(await formatter.format(results))
  return { ok: results.every((result) => result.errorCount === 0 && result.fatalErrorCount === 0) }
}

const prettier = startPrettier()
const typed = typecheck()
const linted = await lint(typed.program)
const acyclic = { ok: typed.program !== undefined && checkCycles(typed.program, root) }
const formatted = await prettier
process.stdout.write(formatted.output)
process.exitCode = [typed, linted, acyclic, formatted].every((check) => check.ok) ? 0 : 1
