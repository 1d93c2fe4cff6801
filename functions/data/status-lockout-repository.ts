/**
 * The lockout of the status lookup (DESIGN v3 §4, ADR 0011): at most 5 misses for one
 * reference, then 24 hours of 429. Each lookup first reserves an attempt with one
 * conditional increment, so parallel guesses cannot get past the budget between a read
 * and a write; a hit gives its reservation back, a miss keeps it, and the fifth miss
 * starts the 24 hours.
 *
 * One item per reference as typed (`statusMissKey`): `misses` in the window that began at
 * `windowStart` (ms); the window lasts 24 h from the first miss, or from the fifth.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { statusMissKey } from './keys'

export const STATUS_MAX_MISSES = 5
export const STATUS_LOCK_MS = 24 * 60 * 60 * 1000

export type AttemptReservation =
  | { allowed: true; reference: string; windowStart: number; misses: number }
  | { allowed: false; retryAfterSeconds: number }

const table = () => env.mainTableName()
const ttlOf = (windowStart: number) => Math.floor((windowStart + STATUS_LOCK_MS) / 1000) + 60

const increment = async (reference: string, nowMs: number): Promise<AttemptReservation> => {
  const { Attributes } = await dynamo().send(
    new UpdateCommand({
      TableName: table(),
      Key: statusMissKey(reference),
      UpdateExpression: 'ADD misses :one',
      ConditionExpression: 'attribute_exists(misses) AND misses < :max AND windowStart > :floor',
      ExpressionAttributeValues: { ':one': 1, ':max': STATUS_MAX_MISSES, ':floor': nowMs - STATUS_LOCK_MS },
      ReturnValues: 'ALL_NEW',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    }),
  )
  return {
    allowed: true,
    reference,
    windowStart: Attributes?.windowStart as number,
    misses: Attributes?.misses as number,
  }
}

/** A fresh window with this attempt in it, unless someone else opened one meanwhile. */
const openWindow = async (reference: string, nowMs: number): Promise<boolean> => {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: table(),
        Item: { ...statusMissKey(reference), misses: 1, windowStart: nowMs, expiresAt: ttlOf(nowMs) },
        ConditionExpression: 'attribute_not_exists(pk) OR windowStart <= :floor',
        ExpressionAttributeValues: { ':floor': nowMs - STATUS_LOCK_MS },
      }),
    )
    return true
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false
    throw error
  }
}

/** Takes one attempt out of the reference's budget, or says how long it stays locked. */
export const reserveStatusAttempt = async (reference: string, nowMs: number): Promise<AttemptReservation> => {
  // Three rounds cover a window opened or expired by a parallel request between our reads.
  for (let round = 0; round < 3; round += 1) {
    try {
      return await increment(reference, nowMs)
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error
      const old = error.Item as { windowStart?: { N?: string } } | undefined
      const windowStart = Number(old?.windowStart?.N ?? Number.NaN)
      if (windowStart > nowMs - STATUS_LOCK_MS) {
        const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + STATUS_LOCK_MS - nowMs) / 1000))
        return { allowed: false, retryAfterSeconds }
      }
      if (await openWindow(reference, nowMs))
        return { allowed: true, reference, windowStart: nowMs, misses: 1 }
    }
  }
  throw new Error(`status lockout of ${reference} kept changing under us`)
}

/** A hit: the reserved attempt was not a miss. */
export const releaseStatusAttempt = async (
  reservation: Extract<AttemptReservation, { allowed: true }>,
): Promise<void> => {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: table(),
        Key: statusMissKey(reservation.reference),
        UpdateExpression: 'ADD misses :minusOne',
        ConditionExpression: 'windowStart = :windowStart AND misses > :zero',
        ExpressionAttributeValues: { ':minusOne': -1, ':windowStart': reservation.windowStart, ':zero': 0 },
      }),
    )
  } catch (error) {
    // The window moved on (expired and reopened): nothing of ours left to give back.
    if (!(error instanceof ConditionalCheckFailedException)) throw error
  }
}

/** A miss: the reservation stays counted; the fifth starts the 24-hour lock now. */
export const recordStatusMiss = async (
  reservation: Extract<AttemptReservation, { allowed: true }>,
  nowMs: number,
): Promise<void> => {
  if (reservation.misses < STATUS_MAX_MISSES) return
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: table(),
        Key: statusMissKey(reservation.reference),
        UpdateExpression: 'SET windowStart = :now, expiresAt = :ttl',
        ConditionExpression: 'windowStart = :windowStart',
        ExpressionAttributeValues: {
          ':now': nowMs,
          ':ttl': ttlOf(nowMs),
          ':windowStart': reservation.windowStart,
        },
      }),
    )
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error
  }
}
