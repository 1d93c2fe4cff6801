/**
 * Starts one in-memory DynamoDB Local per vitest project for the whole run; each test
 * file creates its own uniquely named tables on it (test/support/platform.ts). One JVM
 * for the integration and e2e projects together was tried (ADR 0022): its one in-memory
 * store serialised both projects' files, and the run doubled (803 s) with timeouts.
 */
import type { TestProject } from 'vitest/node'
import { startDynamoDbLocal } from '../../infra/local/dynamodb/dynamodb-local'

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string
  }
}

export default async function setup(project: TestProject) {
  const dynamodb = await startDynamoDbLocal({ maxHeap: '512m' })
  project.provide('dynamodbEndpoint', dynamodb.endpoint)
  return async () => {
    await dynamodb.stop()
  }
}
