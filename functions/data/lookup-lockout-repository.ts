/**
 * The lockout of a public lookup by a secret pair (ADR 0011 for the status lookup, ADR
 * 0030 for the KPM check): at most 5 misses for one subject, then 24 hours of 429. Each
 * lookup first reserves an attempt with one conditional increment, so parallel guesses
 * cannot get past the budget between a read and a write; a hit gives its reservation
 * back, a miss keeps it, and the fifth miss starts the 24 hours.
 *
 * One item per subject as typed (its key comes from keys.ts: `statusMissKey`,
 * `kpmCheckMissKey`): `misses` in the window that began at `windowStart` (ms); the window
 * lasts 24 h from the first miss, or from the fifth.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import type { Key } from './keys'

export const LOOKUP_MAX_MISSES = 5
export const LOOKUP_LOCK_MS = 24 * 60 * 60 * 1000

export type AttemptReservation =
  | { allowed: true; key: Key; windowStart: number; misses: number }
  | { allowed: false; retryAfterSeconds: number }

const table = () => env.mainTableName()
const ttlOf = (windowStart: number) => Math.floor((windowStart + LOOKUP_LOCK_MS) / 1000) + 60

const increment = async (key: Key, nowMs: number): Promise<AttemptReservation> => {
  const { Attributes } = await dynamo().send(
    new UpdateCommand({
      TableName: table(),
      Key: key,
      UpdateExpression: 'ADD misses :one',
      ConditionExpression: 'attribute_exists(misses) AND misses < :max AND windowStart > :floor',
      ExpressionAttributeValues: { ':one': 1, ':max': LOOKUP_MAX_MISSES, ':floor': nowMs - LOOKUP_LOCK_MS },
      ReturnValues: 'ALL_NEW',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    }),
  )
  return {
    allowed: true,
    key,
    windowStart: Attributes?.windowStart as number,
    misses: Attributes?.misses as number,
  }
}

/** A fresh window with this attempt in it, unless someone else opened one meanwhile. */
const openWindow = async (key: Key, nowMs: number): Promise<boolean> => {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: table(),
        Item: { ...key, misses: 1, windowStart: nowMs, expiresAt: ttlOf(nowMs) },
        ConditionExpression: 'attribute_not_exists(pk) OR windowStart <= :floor',
        ExpressionAttributeValues: { ':floor': nowMs - LOOKUP_LOCK_MS },
      }),
    )
    return true
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false
    throw error
  }
}

/** Takes one attempt out of the subject's budget, or says how long it stays locked. */
export const reserveAttempt = async (key: Key, nowMs: number): Promise<AttemptReservation> => {
  // Three rounds cover a window opened or expired by a parallel request between our reads.
  for (let round = 0; round < 3; round += 1) {
    try {
      return await increment(key, nowMs)
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error
      const old = error.Item as { windowStart?: { N?: string } } | undefined
      const windowStart = Number(old?.windowStart?.N ?? Number.NaN)
      if (windowStart > nowMs - LOOKUP_LOCK_MS) {
        const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + LOOKUP_LOCK_MS - nowMs) / 1000))
        return { allowed: false, retryAfterSeconds }
      }
      if (await openWindow(key, nowMs)) return { allowed: true, key, windowStart: nowMs, misses: 1 }
    }
  }
  throw new Error(`lookup lockout of ${key.pk} kept changing under us`)
}

/** A hit: the reserved attempt was not a miss. */
export const releaseAttempt = async (
  reservation: Extract<AttemptReservation, { allowed: true }>,
): Promise<void> => {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: table(),
        Key: reservation.key,
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
export const recordMiss = async (
  reservation: Extract<AttemptReservation, { allowed: true }>,
  nowMs: number,
): Promise<void> => {
  if (reservation.misses < LOOKUP_MAX_MISSES) return
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: table(),
        Key: reservation.key,
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
