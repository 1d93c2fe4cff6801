/**
 * The DynamoDB Local this vitest worker uses. The global setup starts one JVM per worker
 * slot (global-setup.ts): DynamoDB Local's in-memory store answers one request at a time,
 * so two workers on one JVM queued behind each other and the integration files kept about
 * 1.2 of the 2 cores busy. `VITEST_POOL_ID` (1 to maxWorkers) is the worker's slot, stable
 * for its life and held by no other running worker, so a worker's files always find the
 * seed it copied (seed-copy.ts) and no other worker's requests queue before theirs.
 */
import { inject } from 'vitest'
import { waitUntilAnswers } from '../../infra/local/dynamodb/dynamodb-local'
import { startFailure } from './dynamodb-start-failure'

export const workerDynamodbEndpoint = (): string => {
  const endpoints = inject('dynamodbEndpoints')
  const slot = Math.max(0, Number(process.env.VITEST_POOL_ID ?? 1) - 1)
  const endpoint = endpoints[slot % endpoints.length]
  if (!endpoint) throw new Error('the global setup provided no DynamoDB Local endpoint')
  return endpoint
}

/** As long as the global setup waited for a JVM before it stopped waiting for them. */
const READY_TIMEOUT_MS = 120_000

let ready: Promise<void> | undefined

/**
 * Resolves once the worker's JVM answers: the global setup does not wait for the JVMs to
 * boot, the worker does, once (its files share this module, vitest.config.ts), and a JVM
 * that failed to start fails the file with the reason the main process recorded.
 */
export const workerDynamodbReady = (): Promise<void> => {
  const endpoint = workerDynamodbEndpoint()
  const runDir = inject('testRunDir')
  ready ??= waitUntilAnswers(endpoint, READY_TIMEOUT_MS, () => startFailure(runDir, endpoint)).catch(
    (error: unknown) => {
      ready = undefined
      throw error
    },
  )
  return ready
}

/** The hook's limit: the wait above, and some time for the hook itself. */
export const WORKER_DYNAMODB_READY_TIMEOUT_MS = READY_TIMEOUT_MS + 10_000
