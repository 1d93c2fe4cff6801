/**
 * Fixed-window rate limiting on DynamoDB (DESIGN §5): one atomic counter per bucket,
 * client and minute. The condition refuses the increment past the limit, so concurrent
 * Lambdas can never let more than `limit` requests through in a window.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { rateLimitKey } from './keys'

export interface RateDecision {
  allowed: boolean
  /** Seconds until the window resets (for `Retry-After`). */
  retryAfterSeconds: number
}

const WINDOW_MS = 60_000

export const consumeRateLimit = async (
  bucket: string,
  client: string,
  limit: number,
  nowMs: number,
): Promise<RateDecision> => {
  const windowStart = Math.floor(nowMs / WINDOW_MS) * WINDOW_MS
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + WINDOW_MS - nowMs) / 1000))
  const minute = new Date(windowStart).toISOString().slice(0, 16)
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: env.mainTableName(),
        Key: rateLimitKey(bucket, client, minute),
        UpdateExpression: 'ADD #count :one SET #expiresAt = if_not_exists(#expiresAt, :expiresAt)',
        ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
        ExpressionAttributeNames: { '#count': 'count', '#expiresAt': 'expiresAt' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':limit': limit,
          // Kept a little past the window so a late reader still sees it; TTL removes it after.
          ':expiresAt': Math.floor((windowStart + 2 * WINDOW_MS) / 1000),
        },
      }),
    )
    return { allowed: true, retryAfterSeconds }
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return { allowed: false, retryAfterSeconds }
    throw error
  }
}
