/**
 * Every DynamoDB key of the system is spelled here and nowhere else (DESIGN §2 data
 * model). Repositories build items with these helpers; nothing else concatenates `#`.
 */
export interface Key {
  pk: string
  sk: string
}

export const userKey = (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'USER' })
export const usernameKey = (username: string): Key => ({ pk: `USERNAME#${username}`, sk: 'USERNAME' })
/** Staff directory by area and role, for routing tasks to whoever serves an area. */
export const usersByAreaIndex = (area: string) => ({ gsi1pk: `STAFF#${area}`, gsi1sk: 'ROLE#' })
export const userAreaEntry = (area: string, role: string, userId: string) => ({
  gsi1pk: `STAFF#${area}`,
  gsi1sk: `ROLE#${role}#${userId}`,
})
export const staffRolePrefix = (role: string): string => `ROLE#${role}#`

export const providerKey = (providerId: string): Key => ({ pk: `PROVIDER#${providerId}`, sk: 'PROVIDER' })
export const providersByAreaEntry = (kabupaten: string, providerId: string) => ({
  gsi1pk: `PROVIDERS#${kabupaten}`,
  gsi1sk: providerId,
})
export const providersByAreaPartition = (kabupaten: string): string => `PROVIDERS#${kabupaten}`

/** Liveness probe item read by `GET /api/health`. */
export const healthKey: Key = { pk: 'HEALTH', sk: 'HEALTH' }
