/**
 * Starts one in-memory DynamoDB Local for the whole integration run; each test file
 * creates its own uniquely named tables on it (test/support/tables.ts).
 */
import type { TestProject } from 'vitest/node'
import { startDynamoDbLocal } from '../../infra/local/dynamodb/dynamodb-local'

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string
  }
}

export default async function setup(project: TestProject) {
  const dynamodb = await startDynamoDbLocal({ maxHeap: '384m' })
  project.provide('dynamodbEndpoint', dynamodb.endpoint)
  return async () => {
    await dynamodb.stop()
  }
}
