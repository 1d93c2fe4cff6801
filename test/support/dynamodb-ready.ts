/**
 * Before a file's own hooks, its worker's DynamoDB Local answers. The global setup starts
 * the JVMs without waiting for them (global-setup.ts): a worker imports vitest, the setup
 * files and the test file's module graph while they boot, and waits only here. After the
 * file's own hooks (registered later, so run earlier: `sequence.hooks: 'stack'`), the
 * worker counts the file and moves to a fresh JVM when its current one has served enough
 * files (worker-jvm.ts).
 */
import { afterAll, beforeAll } from 'vitest'
import { WORKER_DYNAMODB_READY_TIMEOUT_MS, workerDynamodbReady } from './dynamodb-endpoint'
import { afterTestFile } from './worker-jvm'

beforeAll(() => workerDynamodbReady(), WORKER_DYNAMODB_READY_TIMEOUT_MS)
afterAll(() => afterTestFile(), WORKER_DYNAMODB_READY_TIMEOUT_MS)
