/**
 * A prebuilt bundle of the local platform (`main.ts` and everything it imports, packages
 * included) for `npm start` (ADR 0041): on a warm start Node loads one JavaScript file
 * instead of tsx compiling ~580 TypeScript files and Node loading ~2,000 package files
 * (1.6 s of CPU less). It is built with
 * esbuild after a start that had to use tsx, once the platform is ready, and used while
 * none of its inputs (each source file's size and mtime, the lockfiles, package.json,
 * tsconfig.json, this file) changed; otherwise the start goes through tsx as before.
 * Tests and the bench's server process run `main.ts` through tsx and never see it.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import process from 'node:process'
import { URL, fileURLToPath, pathToFileURL } from 'node:url'

const projectRoot = fileURLToPath(new URL('../..', import.meta.url))
const cacheDirectory = join(projectRoot, 'node_modules', '.cache', 'tksk-flow', 'platform')
const bundleFile = join(cacheDirectory, 'main.mjs')
const stampFile = join(cacheDirectory, 'inputs.json')
const entry = join(projectRoot, 'infra', 'local', 'main.ts')
/** Inputs esbuild's metafile does not list but that change what the bundle must be. */
const alwaysChecked = [
  'package.json',
  'package-lock.json',
  'node_modules/.package-lock.json',
  'tsconfig.json',
  'infra/local/platform-bundle.mjs',
]

/** @param {string} path relative to the project root */
const fingerprint = (path) => {
  if (!existsSync(join(projectRoot, path))) return 'absent'
  const stat = statSync(join(projectRoot, path))
  return `${stat.size}:${stat.mtimeMs}`
}

/** True when a bundle exists and every input it was built from is unchanged. */
const bundleIsCurrent = () => {
  try {
    if (!existsSync(bundleFile)) return false
    /** @type {{ root: string, files: Record<string, string> }} */
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'))
    // The bundle names its files by absolute path: a moved or copied project (mtimes kept)
    // would read the old location's ASL files and assets.
    if (stamp.root !== projectRoot) return false
    return Object.entries(stamp.files).every(([path, recorded]) => fingerprint(path) === recorded)
  } catch {
    return false
  }
}

/**
 * The platform's entry module: the bundle when current, else `main.ts` through tsx.
 * `TKSK_PLATFORM_BUNDLE=0` always takes tsx (to compare, or to debug the sources).
 * @returns {Promise<{ platform: typeof import('./main.ts'), fromBundle: boolean }>}
 */
export const loadPlatform = async () => {
  if (process.env.TKSK_PLATFORM_BUNDLE !== '0' && bundleIsCurrent()) {
    // Its source map is not switched on here: reading it costs 0.1–0.2 s of CPU per
    // start. `NODE_OPTIONS=--enable-source-maps npm start` gives TypeScript stack traces.
    try {
      return { platform: await import(pathToFileURL(bundleFile).href), fromBundle: true }
    } catch (error) {
      // A bundle that does not load must not fail every start until a source changes:
      // forget it, start through tsx (which builds a new one once ready).
      rmSync(stampFile, { force: true })
      process.stderr.write(`The platform bundle did not load (${error.message}); starting through tsx.\n`)
    }
  }
  await import('tsx')
  return { platform: await import('./main.ts'), fromBundle: false }
}

/**
 * esbuild gives every bundled module the bundle's `import.meta.url`; the sources resolve
 * files and packages next to themselves (the workflow ASL files, chart.js, the villages
 * CSV), so each file gets its own URL back as a literal.
 * @type {import('esbuild').Plugin}
 */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.(ts|mts|mjs|js|cjs)$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8')
      if (!text.includes('import.meta.url')) return undefined
      return {
        contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: /\.m?ts$/.test(args.path) ? 'ts' : 'js',
      }
    })
  },
}

/**
 * Builds the bundle and records its inputs; a source saved during the build leaves no
 * record (the next start uses tsx and builds again).
 */
export const buildPlatformBundle = async () => {
  const startedAt = Date.now()
  const { build } = await import('esbuild')
  mkdirSync(cacheDirectory, { recursive: true })
  const partial = `${bundleFile}.${process.pid}.tmp`
  const result = await build({
    absWorkingDir: projectRoot,
    entryPoints: [entry],
    outfile: partial,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages too: Node then neither resolves ~2,000 package files one by one nor scans
    // each CommonJS one for its exports (0.6 s of CPU more than packages left outside).
    // Their ES module builds where they ship one, as tsx's resolution would not take.
    mainFields: ['module', 'main'],
    // Bundled CommonJS code calls `require` for Node's own modules.
    banner: {
      js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);",
    },
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'silent',
    plugins: [ownImportMetaUrl],
  })
  // Packages change only by an install, which rewrites node_modules/.package-lock.json.
  const sources = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('node_modules/'))
  const inputs = [...sources, ...alwaysChecked]
  /** @type {Record<string, string>} */
  const stamp = {}
  for (const input of inputs) {
    const path = relative(projectRoot, resolve(projectRoot, input))
    if (existsSync(join(projectRoot, path)) && statSync(join(projectRoot, path)).mtimeMs >= startedAt) {
      rmSync(partial, { force: true })
      rmSync(`${partial}.map`, { force: true })
      return
    }
    stamp[path] = fingerprint(path)
  }
  // The map is named in the bundle by its file name: it keeps the bundle's name.
  const map = readFileSync(`${partial}.map`, 'utf8')
  rmSync(`${partial}.map`)
  writeFileSync(`${bundleFile}.map`, map)
  const code = readFileSync(partial, 'utf8').replace(
    /\/\/# sourceMappingURL=\S+\s*$/,
    '//# sourceMappingURL=main.mjs.map\n',
  )
  writeFileSync(partial, code)
  renameSync(partial, bundleFile)
  writeFileSync(`${stampFile}.${process.pid}.tmp`, JSON.stringify({ root: projectRoot, files: stamp }))
  renameSync(`${stampFile}.${process.pid}.tmp`, stampFile)
}

/** Whether the next `npm start` runs the bundle (the bench waits for it before a warm start). */
export const platformBundleIsCurrent = bundleIsCurrent
