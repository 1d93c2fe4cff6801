/**
 * Staff sessions, server-side (DESIGN v3 §5, ADR 0011). A session is an item under the
 * SHA-256 of an opaque random token; the token lives only in the holder's cookie (or
 * their `Authorization: Bearer`), so a copy of the table opens nothing. gsi2 lists a
 * person's sessions, so `revokeSessionsOf` ends all of them at once (deactivation, a
 * role or area change, an admin's "sign this person out everywhere").
 *
 * `expiresAt` (TTL) follows the idle and absolute ends, so DynamoDB removes dead
 * sessions by itself; the check of `core/session/session-rules.ts` never relies on it.
 */
import { createHash, randomBytes } from 'node:crypto'
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { sessionEndsAt } from '../core/session/session-rules'
import type { User } from '../core/identity/user'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { queryPages } from './paginate'
import { sessionKey, sessionsOfUserEntry, sessionsOfUserPartition } from './keys'

/** How the session began, for the audit of sign-ins and for support. */
export type SessionMethod = 'hosted-ui' | 'local-form' | 'dev-api'

export interface SessionRecord {
  tokenHash: string
  user: User
  method: SessionMethod
  createdAtMs: number
  lastSeenMs: number
}

const table = () => env.mainTableName()

export const hashSessionToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/** Tokens are 43 base64url characters (32 random bytes); anything else is not worth a read. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

const ttlSeconds = (times: { createdAtMs: number; lastSeenMs: number }): number =>
  Math.ceil(sessionEndsAt(times) / 1000)

/** Opens a session for a user whose identity was just verified; answers its token. */
export const createSession = async (user: User, method: SessionMethod, nowMs: number): Promise<string> => {
  const token = randomBytes(32).toString('base64url')
  const tokenHash = hashSessionToken(token)
  const times = { createdAtMs: nowMs, lastSeenMs: nowMs }
  await dynamo().send(
    new PutCommand({
      TableName: table(),
      Item: {
        ...sessionKey(tokenHash),
        ...sessionsOfUserEntry(user.id, new Date(nowMs).toISOString(), tokenHash),
        userId: user.id,
        username: user.username,
        role: user.role,
        area: user.area,
        email: user.email,
        method,
        ...times,
        expiresAt: ttlSeconds(times),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  )
  return token
}

export const findSession = async (token: string): Promise<SessionRecord | undefined> => {
  if (!TOKEN_PATTERN.test(token)) return undefined
  const tokenHash = hashSessionToken(token)
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: table(), Key: sessionKey(tokenHash), ConsistentRead: true }),
  )
  if (!Item) return undefined
  return {
    tokenHash,
    user: {
      id: Item.userId as string,
      username: Item.username as string,
      role: Item.role as User['role'],
      area: Item.area as string,
      email: Item.email as string,
    },
    method: Item.method as SessionMethod,
    createdAtMs: Item.createdAtMs as number,
    lastSeenMs: Item.lastSeenMs as number,
  }
}

/** Records activity; a session revoked meanwhile stays revoked (never written back). */
export const touchSession = async (session: SessionRecord, nowMs: number): Promise<void> => {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: table(),
        Key: sessionKey(session.tokenHash),
        UpdateExpression: 'SET lastSeenMs = :now, expiresAt = :ttl',
        ConditionExpression: 'attribute_exists(pk) AND lastSeenMs < :now',
        ExpressionAttributeValues: {
          ':now': nowMs,
          ':ttl': ttlSeconds({ createdAtMs: session.createdAtMs, lastSeenMs: nowMs }),
        },
      }),
    )
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error
  }
}

const deleteByHash = async (tokenHash: string): Promise<void> => {
  await dynamo().send(new DeleteCommand({ TableName: table(), Key: sessionKey(tokenHash) }))
}

/** Ends one session (logout, or a session found dead). */
export const revokeSession = (session: Pick<SessionRecord, 'tokenHash'>): Promise<void> =>
  deleteByHash(session.tokenHash)

/**
 * Ends every session of a person, wherever they signed in: call it when an admin
 * deactivates someone or changes their role or area (the per-request directory check
 * catches the change anyway; this makes it immediate and leaves nothing behind).
 * Answers how many sessions were ended.
 */
export const revokeSessionsOf = async (userId: string): Promise<number> => {
  let ended = 0
  const pages = queryPages({
    TableName: table(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': sessionsOfUserPartition(userId) },
    ProjectionExpression: 'pk, sk',
  })
  for await (const items of pages) {
    for (const item of items) {
      await dynamo().send(
        new DeleteCommand({ TableName: table(), Key: { pk: item.pk as string, sk: item.sk as string } }),
      )
      ended += 1
    }
  }
  return ended
}
