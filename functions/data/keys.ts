/**
 * Every DynamoDB key of the system is spelled here and nowhere else (DESIGN §2 data
 * model). Repositories build items with these helpers; nothing else concatenates `#`.
 */
export interface Key {
  pk: string
  sk: string
}

/** Staff directory entry (a Cognito user's profile on AWS, a seeded user locally). */
export const userKey = (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'USER' })
/** gsi1 entry: staff by the area they serve and their role, for routing tasks. */
export const staffByAreaEntry = (area: string, role: string, userId: string) => ({
  gsi1pk: `STAFF#${area}`,
  gsi1sk: `${role}#${userId}`,
})
export const staffByAreaQuery = (area: string, role: string) => ({
  gsi1pk: `STAFF#${area}`,
  gsi1skPrefix: `${role}#`,
})

export const providerKey = (providerId: string): Key => ({ pk: `PROVIDER#${providerId}`, sk: 'PROVIDER' })
export const providersByAreaEntry = (kabupaten: string, providerId: string) => ({
  gsi1pk: `PROVIDERS#${kabupaten}`,
  gsi1sk: providerId,
})
export const providersByAreaPartition = (kabupaten: string): string => `PROVIDERS#${kabupaten}`

/** Keys read (never written) by `GET /api/health` to prove each table answers. */
export const healthProbeKeys = {
  main: { pk: 'HEALTH', sk: 'HEALTH' },
  audit: { entityId: 'HEALTH', seq: '0000000000' },
} as const

// ---------------------------------------------------------------------------------------
// Local Step Functions service (infra/local/stepfunctions): execution records, their
// history events, and the index of executions by status that `resume()` queries after a
// restart. Local only; the deployed system uses the real Step Functions.
// ---------------------------------------------------------------------------------------
const sfnExecutionPartition = (executionArn: string): string => `SFNEXEC#${executionArn}`
export const sfnExecutionKey = (executionArn: string): Key => ({
  pk: sfnExecutionPartition(executionArn),
  sk: 'EXECUTION',
})
export const sfnHistoryEventPrefix = 'EVENT#'
export const sfnHistoryEventKey = (executionArn: string, eventId: number): Key => ({
  pk: sfnExecutionPartition(executionArn),
  sk: `${sfnHistoryEventPrefix}${String(eventId).padStart(8, '0')}`,
})
export const sfnHistoryPartition = sfnExecutionPartition
/** gsi1: every local execution under one partition, sorted by status then start. */
export const sfnExecutionsByStatusPartition = 'SFNEXECUTIONS'
export const sfnExecutionsByStatusPrefix = (status: string): string => `${status}#`
export const sfnExecutionByStatusEntry = (status: string, startDateIso: string, executionArn: string) => ({
  gsi1pk: sfnExecutionsByStatusPartition,
  gsi1sk: `${sfnExecutionsByStatusPrefix(status)}${startDateIso}#${executionArn}`,
})
