/**
 * How the run's main process tells a worker that its DynamoDB Local failed to start: the
 * global setup does not wait for the JVMs (global-setup.ts), so a worker waiting for one
 * that died reads why from a file in the run's directory instead of timing out.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const fileOf = (runDir: string, endpoint: string): string =>
  join(runDir, `dynamodb-${new URL(endpoint).port}.failed`)

export const recordStartFailure = (runDir: string, endpoint: string, error: unknown): void =>
  writeFileSync(fileOf(runDir, endpoint), error instanceof Error ? error.message : String(error))

/** Why the JVM at this endpoint failed to start, once the main process knows it failed. */
export const startFailure = (runDir: string, endpoint: string): string | undefined => {
  try {
    return readFileSync(fileOf(runDir, endpoint), 'utf8')
  } catch {
    return undefined
  }
}
