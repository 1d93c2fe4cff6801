/**
 * The DynamoDB Local this vitest worker uses. The global setup starts one JVM per worker
 * of a project (global-setup.ts): DynamoDB Local's in-memory store answers one request at
 * a time, so two workers on one JVM queued behind each other and the integration files
 * kept about 1.2 of the 2 cores busy. `VITEST_POOL_ID` (1 to maxWorkers) is the worker's
 * slot, stable for its life, so a worker's files always find the seed it copied (seed-copy.ts).
 */
import { inject } from 'vitest'

export const workerDynamodbEndpoint = (): string => {
  const endpoints = inject('dynamodbEndpoints')
  const slot = Math.max(0, Number(process.env.VITEST_POOL_ID ?? 1) - 1)
  const endpoint = endpoints[slot % endpoints.length]
  if (!endpoint) throw new Error('the global setup provided no DynamoDB Local endpoint')
  return endpoint
}
