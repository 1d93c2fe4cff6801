/**
 * Every Lambda of the app built as deployed: the entries and data files of the
 * TkskFunction constructs of the synthesized app, bundled with the construct's own
 * options (`tkskBundling`, turned into esbuild's API the way NodejsFunction turns them
 * into its esbuild command line), each bundle loaded in a clean Node process with no
 * node_modules in reach, and each held under 1 MB.
 */
import { execFile, execSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { build, type BuildOptions } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROJECT_ROOT, TkskFunction, tkskBundling } from '../../infra/constructs/tksk-function'
import { sharedApp } from './support'

const run = promisify(execFile)
const MAX_BUNDLE_BYTES = 1_000_000

interface Bundle {
  id: string
  entry: string
  dir: string
  bytes: number
}

/** NodejsFunction's esbuild arguments (aws-lambda-nodejs bundling.ts `buildEsbuildArgs`) as build options. */
const esbuildOptionsOf = (
  bundling: ReturnType<typeof tkskBundling>,
  entry: string,
  outdir: string,
): BuildOptions => ({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  target: bundling.target,
  format: bundling.format,
  outfile: join(outdir, bundling.format === 'esm' ? 'index.mjs' : 'index.js'),
  minify: bundling.minify,
  sourcemap: bundling.sourceMap,
  sourcesContent: bundling.sourcesContent,
  external: [...bundling.externalModules],
  mainFields: [...bundling.mainFields],
  banner: { js: bundling.banner },
  absWorkingDir: PROJECT_ROOT,
  logLevel: 'silent',
})

const root = mkdtempSync(join(tmpdir(), 'tksk-bundles-'))
const bundles: Bundle[] = []

beforeAll(async () => {
  const { cdkApp } = sharedApp()
  const functions = cdkApp.node.findAll().filter((c): c is TkskFunction => c instanceof TkskFunction)
  const built = await Promise.all(
    functions.map(async (fn) => {
      const id = fn.node.path.replace(/\//g, '-')
      const dir = join(root, id)
      const bundling = tkskBundling(fn.assets)
      await build(esbuildOptionsOf(bundling, fn.entry, dir))
      for (const command of bundling.commandHooks.afterBundling(PROJECT_ROOT, dir)) execSync(command)
      return { id, entry: fn.entry, dir, bytes: statSync(join(dir, 'index.mjs')).size }
    }),
  )
  bundles.push(...built.sort((a, b) => b.bytes - a.bytes))
  console.log(
    bundles
      .map((b) => `${(b.bytes / 1e6).toFixed(3)} MB  ${b.id}  (${b.entry.replace(PROJECT_ROOT, '')})`)
      .join('\n'),
  )
  // Some twenty functions bundled at once: 17 s on a quiet 2-core machine, past the
  // project's 120 s hook limit when the machine is loaded.
}, 300_000)

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('the Lambda bundles as the CDK construct builds them', () => {
  it('builds every function of the app', () => {
    expect(bundles.length).toBeGreaterThanOrEqual(10)
  })

  it('keeps each bundle under 1 MB', () => {
    expect(bundles.filter((b) => b.bytes >= MAX_BUNDLE_BYTES).map((b) => `${b.id}: ${b.bytes}`)).toEqual([])
  })

  it('loads each bundle in a clean Node process without node_modules and finds its handler', async () => {
    const loaded = await Promise.all(
      bundles.map(async (b) => {
        const { stdout } = await run(
          process.execPath,
          [
            '--input-type=module',
            '-e',
            "const m = await import('./index.mjs'); console.log(typeof m.handler)",
          ],
          // A clean environment: no NODE_PATH, nothing of the test run's; the region as Lambda sets it.
          { cwd: b.dir, env: { PATH: process.env.PATH ?? '', AWS_REGION: 'ap-southeast-3' } },
        )
        return [b.id, stdout.trim()]
      }),
    )
    expect(loaded.filter(([, type]) => type !== 'function')).toEqual([])
  })
})
