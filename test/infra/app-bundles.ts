/**
 * Every Lambda of the app bundled as deployed, once per worker: the entries and data files
 * of the TkskFunction constructs of the shared app, each bundled with the construct's own
 * options (`tkskBundling`, turned into esbuild's API the way NodejsFunction turns them into
 * its esbuild command line) into a directory of its own, as `index.mjs` beside its data files.
 *
 * The functions whose options are equal (all of them today: only the data files differ,
 * and those are copied after bundling) are built by one esbuild call with an entry point
 * per function: without code splitting each entry point's output is still the function's
 * whole bundle, byte for byte the one a build of its own writes, while the shared modules
 * are read and parsed once instead of once per function (ADR 0048). Built once per worker:
 * one test file (bundles.test.ts) asks for them, so a run builds them once.
 */
import { execSync } from 'node:child_process'
import { mkdtempSync, statSync } from 'node:fs'
import { extname, join, relative } from 'node:path'
import { build, type BuildOptions, type Metafile } from 'esbuild'
import { inject } from 'vitest'
import { PROJECT_ROOT, TkskFunction, tkskBundling } from '../../infra/constructs/tksk-function'
import { sharedApp } from './support'

export interface AppBundle {
  /** The construct path with dashes, unique in the app. */
  id: string
  /** Absolute path of the handler module. */
  entry: string
  /** The function's own directory: `index.mjs`, its source map and its data files. */
  dir: string
  bytes: number
  /** Every file esbuild read for this bundle (tree-shaken away or not), relative to the project root. */
  inputs: string[]
}

type Bundling = ReturnType<typeof tkskBundling>

const outputName = (bundling: Bundling): string => (bundling.format === 'esm' ? 'index.mjs' : 'index.js')

/** NodejsFunction's esbuild arguments (aws-lambda-nodejs bundling.ts `buildEsbuildArgs`) as build options, less the entry. */
const esbuildOptionsOf = (bundling: Bundling): BuildOptions => ({
  bundle: true,
  platform: 'node',
  target: bundling.target,
  format: bundling.format,
  minify: bundling.minify,
  sourcemap: bundling.sourceMap,
  sourcesContent: bundling.sourcesContent,
  external: [...bundling.externalModules],
  mainFields: [...bundling.mainFields],
  banner: { js: bundling.banner },
  absWorkingDir: PROJECT_ROOT,
  logLevel: 'silent',
})

interface Planned {
  fn: TkskFunction
  id: string
  bundling: Bundling
}

/** One esbuild call for functions bundled alike; each gets `<root>/<id>/index.mjs` as its own build would write it. */
const buildAlike = async (root: string, planned: readonly Planned[]): Promise<AppBundle[]> => {
  const [first] = planned
  if (!first) return []
  const name = outputName(first.bundling)
  const { metafile } = await build({
    ...esbuildOptionsOf(first.bundling),
    entryPoints: planned.map(({ fn, id }) => ({ in: fn.entry, out: `${id}/index` })),
    outdir: root,
    outExtension: { '.js': extname(name) },
    metafile: true,
  })
  return planned.map(({ fn, id, bundling }) => {
    const dir = join(root, id)
    for (const command of bundling.commandHooks.afterBundling(PROJECT_ROOT, dir)) execSync(command)
    const bytes = statSync(join(dir, name)).size
    return { id, entry: fn.entry, dir, bytes, inputs: inputsOf(metafile, fn.entry) }
  })
}

/**
 * The files reachable from an entry in the build's import graph: what a build of this
 * entry alone lists as its `metafile.inputs`, including modules tree-shaking dropped.
 */
const inputsOf = (metafile: Metafile, entry: string): string[] => {
  const reached = new Set<string>()
  const visit = (path: string): void => {
    const input = metafile.inputs[path]
    if (!input || reached.has(path)) return
    reached.add(path)
    for (const imported of input.imports) if (!imported.external) visit(imported.path)
  }
  const start = relative(PROJECT_ROOT, entry)
  if (!metafile.inputs[start]) throw new Error(`esbuild read no ${start}`)
  visit(start)
  return [...reached]
}

const bundleAll = async (): Promise<AppBundle[]> => {
  const { cdkApp } = sharedApp()
  const functions = cdkApp.node.findAll().filter((c): c is TkskFunction => c instanceof TkskFunction)
  const planned = functions.map((fn) => ({
    fn,
    id: fn.node.path.replace(/\//g, '-'),
    bundling: tkskBundling(fn.assets),
  }))
  // Grouped by everything esbuild is given: a function bundled otherwise gets a build of its own kind.
  const groups = new Map<string, Planned[]>()
  for (const plan of planned) {
    const key = JSON.stringify(esbuildOptionsOf(plan.bundling))
    groups.set(key, [...(groups.get(key) ?? []), plan])
  }
  // In the run's directory, removed by the project's global setup when the run ends (bundles-dir.ts).
  const root = mkdtempSync(join(inject('bundlesDir'), 'worker-'))
  const built = await Promise.all([...groups.values()].map((group) => buildAlike(root, group)))
  return built.flat().sort((a, b) => b.bytes - a.bytes)
}

let bundles: Promise<AppBundle[]> | undefined

/** The app's bundles, built on first use in this worker and read by every infra file after. */
export const appBundles = (): Promise<AppBundle[]> => {
  bundles ??= bundleAll()
  return bundles
}
