/**
 * The DynamoDB Local this vitest worker uses. The global setup starts one JVM per worker
 * slot (global-setup.ts): DynamoDB Local's in-memory store answers one request at a time,
 * so two workers on one JVM queued behind each other and the integration files kept about
 * 1.2 of the 2 cores busy. `VITEST_POOL_ID` (1 to maxWorkers) is the worker's slot, stable
 * for its life and held by no other running worker, so no other worker's requests queue
 * before its own. After a few files the worker moves to a fresh JVM of its own
 * (worker-jvm.ts); the seed it copies lives in its memory, not in a JVM (seed-copy.ts).
 */
import { inject } from 'vitest'
import { waitUntilAnswers } from '../../infra/local/dynamodb/dynamodb-local'
import { startFailure } from './dynamodb-start-failure'
import { ownJvm } from './worker-jvm'

const slotEndpoint = (): string => {
  const endpoints = inject('dynamodbEndpoints')
  const slot = Math.max(0, Number(process.env.VITEST_POOL_ID ?? 1) - 1)
  const endpoint = endpoints[slot % endpoints.length]
  if (!endpoint) throw new Error('the global setup provided no DynamoDB Local endpoint')
  return endpoint
}

export const workerDynamodbEndpoint = (): string => ownJvm()?.endpoint ?? slotEndpoint()

/** As long as the global setup waited for a JVM before it stopped waiting for them. */
const READY_TIMEOUT_MS = 120_000

let ready: { endpoint: string; answered: Promise<void> } | undefined

/**
 * Resolves once the worker's JVM answers: the global setup does not wait for the JVMs to
 * boot, the worker does, once per JVM (its files share this module, vitest.config.ts), and
 * a JVM that failed to start fails the file with the reason its starter recorded.
 */
export const workerDynamodbReady = (): Promise<void> => {
  const endpoint = workerDynamodbEndpoint()
  if (ready?.endpoint === endpoint) return ready.answered
  const own = ownJvm()
  const runDir = inject('testRunDir')
  const answered: Promise<void> = (
    own
      ? own.answered.then(() => undefined)
      : waitUntilAnswers(endpoint, READY_TIMEOUT_MS, () => startFailure(runDir, endpoint))
  ).catch((error: unknown) => {
    if (ready?.answered === answered) ready = undefined
    throw error
  })
  ready = { endpoint, answered }
  return answered
}

/** The hook's limit: the wait above, and some time for the hook itself. */
export const WORKER_DYNAMODB_READY_TIMEOUT_MS = READY_TIMEOUT_MS + 10_000
