/**
 * The infra run's directory for the app's bundles (app-bundles.ts) and the cloud assemblies
 * the tests synthesize (support.ts), removed when the run ends: a worker's own exit hooks do not run when vitest stops it, and the file reading
 * the bundles cannot know whether another file of its worker reads them after it.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where each infra worker writes the app's bundles and its synthesized assemblies, in directories of their own. */
    bundlesDir: string
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'tksk-bundles-'))
  project.provide('bundlesDir', dir)
  return () => rmSync(dir, { recursive: true, force: true })
}
