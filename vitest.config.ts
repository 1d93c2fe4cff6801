import { defineConfig } from 'vitest/config'

// Three projects: pure unit tests, integration tests against DynamoDB Local (started once
// per run by the global setup) and the local platform, and CDK template assertions.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['test/support/polyfills.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          // Warnings and errors only: a green run's output should fit on a screen.
          env: { LOG_LEVEL: 'WARN' },
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/polyfills.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          env: { LOG_LEVEL: 'WARN' },
          include: ['test/e2e/**/*.test.ts'],
          // The browser tests (test/e2e/browser) run the platform on the run's DynamoDB Local.
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/polyfills.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
