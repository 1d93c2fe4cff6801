import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { defineConfig } from 'vitest/config'

const TSCONFIG_HASH = createHash('sha256').update(readFileSync('tsconfig.json')).digest('hex').slice(0, 12)

// The files that read the log lines themselves: at DEBUG in a project of their own.
const LOG_READERS = [
  'test/integration/security/nik-grep.test.ts',
  'test/integration/observability/step-logs.test.ts',
]
// Projects: pure unit tests, integration tests against DynamoDB Local (one JVM per worker
// slot, started once per run by the global setup and shared by the integration and
// log-readers projects, the e2e project's own; a worker moves to a fresh JVM of its own every
// five files, ADR 0054)
// and the local platform, and CDK template assertions.
export default defineConfig({
  test: {
    // Vitest's default on a 2-core machine is one worker (cores - 1), which ran every file
    // in a row. The integration and browser files spend much of their time waiting for
    // DynamoDB Local, the local workflows and Chromium (other processes). With one DynamoDB
    // Local per worker (test/support/global-setup.ts), three workers kept 1.95 of the 2 cores
    // busy over the whole run (two: 1.7 in the integration project): 325 s against 484 s.
    maxWorkers: 3,
    // The projects import the same modules (the platform, the handlers): with the module cache
    // on disk, the first project's transforms serve the others within a run (ADR 0048,
    // addendum): 2.5 of 38 CPU-s less over five files of four projects, on a cold cache.
    // tsconfig.json is not in vitest's cache key, though the transforms read it: its hash
    // names the cache directory, so a changed tsconfig starts a fresh cache (review).
    experimental: {
      fsModuleCache: true,
      fsModuleCachePath: `node_modules/.experimental-vitest-cache/${TSCONFIG_HASH}`,
    },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // One module graph per worker, as in the integration project: each file paid ~1.5 s
          // of CPU to import its own copy of the SDK and the handlers (docs/adr/0022).
          isolate: false,
          setupFiles: ['test/support/polyfills.ts', 'test/support/unit-file-state.ts'],
          // A worker's first use of the area list (idn-area-data, ~0.5 s of CPU on a quiet
          // machine) or of the mail templates lands in whichever test asks first: at load 12–24
          // two such tests passed 5 s, vitest's default, and failed a run that was otherwise
          // green. A limit that catches a hung test, not a slow machine.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          // Warnings and errors only: a green run's output should fit on a screen.
          env: { LOG_LEVEL: 'WARN' },
          include: ['test/integration/**/*.test.ts'],
          exclude: LOG_READERS,
          // One module graph per worker: the platform's code (AWS SDK, handlers, workflows)
          // loads once per worker instead of once per file. Each file still starts its own
          // platform on its own tables (test/support/platform.ts).
          isolate: false,
          globalSetup: ['test/support/global-setup.ts'],
          // The setup file's afterAll (the JVM switch, dynamodb-ready.ts) runs after the file's own.
          sequence: { hooks: 'stack' },
          setupFiles: [
            'test/support/polyfills.ts',
            'test/support/file-state.ts',
            'test/support/dynamodb-ready.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // The NIK grep and the step-log test read the log lines of whole cases. Powertools
          // puts a logger back to its constructor's level at each warm invocation, so the
          // level must be the module's own: a project of its own, its own module graph.
          name: 'log-readers',
          env: { LOG_LEVEL: 'DEBUG' },
          include: LOG_READERS,
          globalSetup: ['test/support/global-setup.ts'],
          // The setup file's afterAll (the JVM switch, dynamodb-ready.ts) runs after the file's own.
          sequence: { hooks: 'stack' },
          setupFiles: [
            'test/support/polyfills.ts',
            'test/support/file-state.ts',
            'test/support/dynamodb-ready.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          env: { LOG_LEVEL: 'WARN' },
          include: ['test/e2e/**/*.test.ts'],
          // One module graph and one Chromium per worker (test/e2e/browser/browser.ts).
          isolate: false,
          // The browser tests (test/e2e/browser) run the platform on the run's DynamoDB Local.
          globalSetup: ['test/support/global-setup.ts'],
          // The setup file's afterAll (the JVM switch, dynamodb-ready.ts) runs after the file's own.
          sequence: { hooks: 'stack' },
          setupFiles: [
            'test/support/polyfills.ts',
            'test/support/file-state.ts',
            'test/support/dynamodb-ready.ts',
          ],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          // The run's directory for the app's bundles (test/infra/app-bundles.ts).
          globalSetup: ['test/infra/bundles-dir.ts'],
          // One module graph per worker: aws-cdk-lib loads once, and the files asking for
          // the same app read one build and one synth of it (test/infra/support.ts sharedApp).
          isolate: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
