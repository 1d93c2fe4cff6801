/**
 * Before a file's own hooks, its worker's DynamoDB Local answers. The global setup starts
 * the JVMs without waiting for them (global-setup.ts): a worker imports vitest, the setup
 * files and the test file's module graph while they boot, and waits only here.
 */
import { beforeAll } from 'vitest'
import { WORKER_DYNAMODB_READY_TIMEOUT_MS, workerDynamodbReady } from './dynamodb-endpoint'

beforeAll(() => workerDynamodbReady(), WORKER_DYNAMODB_READY_TIMEOUT_MS)
