/**
 * Starts one in-memory DynamoDB Local for the whole run; each test file creates its own
 * uniquely named tables on it (test/support/platform.ts). The integration and e2e
 * projects both name this setup: the second one reuses the first one's DynamoDB Local
 * (one JVM to start and warm up, not two), and the last teardown stops it.
 */
import type { TestProject } from 'vitest/node'
import { type DynamoDbLocal, startDynamoDbLocal } from '../../infra/local/dynamodb/dynamodb-local'

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string
  }
}

interface RunDynamoDb {
  started: Promise<DynamoDbLocal>
  users: number
}

// On globalThis: each project may load this file as a module of its own.
const SHARED = Symbol.for('tksk.test.dynamodbLocal')
const registry = globalThis as { [SHARED]?: RunDynamoDb }

export default async function setup(project: TestProject) {
  const shared = (registry[SHARED] ??= { started: startDynamoDbLocal({ maxHeap: '1g' }), users: 0 })
  shared.users += 1
  const dynamodb = await shared.started
  project.provide('dynamodbEndpoint', dynamodb.endpoint)
  return async () => {
    shared.users -= 1
    if (shared.users > 0) return
    delete registry[SHARED]
    await dynamodb.stop()
  }
}
