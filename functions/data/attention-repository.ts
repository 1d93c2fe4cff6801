/**
 * NEEDS_ATTENTION on a case or batch (issue 17, ADR 0025): the `attention` marker on the
 * item itself and one list item per marked item (keys.ts `attentionKey`), always written,
 * changed and removed together with their audit entry in one transaction.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditActor, AuditInput } from '../core/audit/audit-entry'
import type { Attention, AttentionKind } from '../core/attention/attention'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { appendAudit, type TransactItem } from './audit-repository'
import { itemCodec } from './item-codec'
import { decodeCursor, nextCursorOf } from './cursor'
import { attentionKey, attentionQuery, type Key } from './keys'
import { failedConditionAt } from './transaction-errors'

const table = () => env.mainTableName()

/** The marked thing: its item, its audit chain and how staff name it. */
export interface AttentionSubject {
  kind: AttentionKind
  id: string
  /** Kecamatan of the case or batch (the scope of who may see and retry it). */
  area: string
  key: Key
  entityId: string
  /** Case reference, or the batch's program and period. */
  label: string
  /** The lifecycle status it halted in (shown, and kept in the audit entry). */
  status: string
}

export interface AttentionItem {
  kind: AttentionKind
  id: string
  area: string
  label: string
  status: string
  state: string
  error: string
  cause?: string
  at: string
  retryRequestedAt?: string
}

const listKey = (subject: AttentionSubject, attention: Attention): Key =>
  attentionKey(subject.area, attention.at, subject.kind, subject.id)

/** The subject's audit entry, written in one transaction with the changes to its marker and list item. */
const auditAlong = (
  subject: AttentionSubject,
  entry: Pick<AuditInput, 'actor' | 'action' | 'before' | 'after' | 'correlationId'>,
  at: string,
  alongWith: TransactItem[],
) =>
  appendAudit({ entityId: subject.entityId, area: subject.area, ...entry }, { at: new Date(at), alongWith })

/** The condition that the marker is still the failure it was read as (neither ended nor replaced). */
const stillMarked = (attention: Attention) => ({
  condition: 'attention.#at = :failedAt AND attention.redriveCount = :count',
  names: { '#at': 'at' },
  values: { ':failedAt': attention.at, ':count': attention.redriveCount },
})

/**
 * Takes a marked item off the list, in the transaction of a change that ends what it
 * waited for (a superseded batch, ADR 0040); the marker stays on the item as its history.
 */
export const unlistAttention = (subject: AttentionSubject, attention: Attention) => ({
  Delete: { TableName: table(), Key: listKey(subject, attention) },
})

/** The marker now on the item (strongly consistent), if any. */
export const readAttention = async (key: Key): Promise<Attention | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: table(), Key: key, ConsistentRead: true, ProjectionExpression: 'attention' }),
  )
  return Item?.attention as Attention | undefined
}

const sameFailure = (a: Attention | undefined, b: Attention): boolean =>
  a !== undefined &&
  a.state === b.state &&
  a.redriveCount === b.redriveCount &&
  a.executionArn === b.executionArn

/**
 * Marks the item, lists it and audits it, once: a replay of the step finds the same
 * failure marked and writes nothing. False if another failure is marked (it stays).
 */
export const markAttention = async (
  subject: AttentionSubject,
  attention: Attention,
  audit: { actor: AuditActor; correlationId: string },
): Promise<boolean> => {
  try {
    const failure = {
      state: attention.state,
      error: attention.error,
      ...(attention.cause ? { cause: attention.cause } : {}),
    }
    await auditAlong(
      subject,
      {
        actor: audit.actor,
        action: 'WORKFLOW_NEEDS_ATTENTION',
        before: { status: subject.status },
        after: { status: subject.status, attention: attention.status, ...failure },
        correlationId: audit.correlationId,
      },
      attention.at,
      [
        {
          Update: {
            TableName: table(),
            Key: subject.key,
            UpdateExpression: 'SET attention = :attention',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(attention)',
            ExpressionAttributeValues: { ':attention': attention },
          },
        },
        {
          Put: {
            TableName: table(),
            Item: {
              ...listKey(subject, attention),
              kind: subject.kind,
              id: subject.id,
              area: subject.area,
              label: subject.label,
              status: subject.status,
              ...failure,
              at: attention.at,
            },
          },
        },
      ],
    )
    return true
  } catch (error) {
    if (!failedConditionAt(error, 0)) throw error
    return sameFailure(await readAttention(subject.key), attention)
  }
}

/** How long a retry request blocks another one (its redrive normally starts within a second). */
export const RETRY_STALE_MS = 2 * 60_000

/** Records who asked for the retry, with its audit entry; false if the marker changed meanwhile. */
export const requestRetry = async (
  subject: AttentionSubject,
  attention: Attention,
  audit: { actor: AuditActor; correlationId: string; at: string },
): Promise<boolean> => {
  try {
    const marked = stillMarked(attention)
    await auditAlong(
      subject,
      {
        actor: audit.actor,
        action: 'WORKFLOW_RETRY_REQUESTED',
        before: { attention: attention.status, state: attention.state, error: attention.error },
        after: { attention: attention.status, state: attention.state, retry: true },
        correlationId: audit.correlationId,
      },
      audit.at,
      [
        {
          Update: {
            TableName: table(),
            Key: subject.key,
            UpdateExpression: 'SET attention.retryRequestedBy = :by, attention.retryRequestedAt = :at',
            // A second click while the first retry's redrive is under way is refused here,
            // before it is audited; a request left without effect for RETRY_STALE_MS
            // (its redrive failed) may be repeated.
            ConditionExpression:
              `${marked.condition} AND ` +
              '(attribute_not_exists(attention.retryRequestedAt) OR attention.retryRequestedAt < :stale)',
            ExpressionAttributeNames: marked.names,
            ExpressionAttributeValues: {
              ':by': { id: audit.actor.id, role: audit.actor.role },
              ':at': audit.at,
              ':stale': new Date(Date.parse(audit.at) - RETRY_STALE_MS).toISOString(),
              ...marked.values,
            },
          },
        },
        {
          Update: {
            TableName: table(),
            Key: listKey(subject, attention),
            UpdateExpression: 'SET retryRequestedAt = :at',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':at': audit.at },
          },
        },
      ],
    )
    return true
  } catch (error) {
    if (failedConditionAt(error, 0) || failedConditionAt(error, 1)) return false
    throw error
  }
}

/**
 * Ends the marker as the retried step runs again: unmarks, unlists and audits it, the
 * retry's requester as the actor when known. A replay finds it ended and writes nothing.
 */
export const endAttention = async (
  subject: AttentionSubject,
  attention: Attention,
  audit: { actor: AuditActor; correlationId: string; at: string },
): Promise<void> => {
  try {
    const marked = stillMarked(attention)
    await auditAlong(
      subject,
      {
        actor: attention.retryRequestedBy ?? audit.actor,
        action: 'WORKFLOW_RESUMED',
        before: { status: subject.status, attention: attention.status, state: attention.state },
        after: { status: subject.status, state: attention.state },
        correlationId: audit.correlationId,
      },
      audit.at,
      [
        {
          Update: {
            TableName: table(),
            Key: subject.key,
            UpdateExpression: 'REMOVE attention',
            ConditionExpression: marked.condition,
            ExpressionAttributeNames: marked.names,
            ExpressionAttributeValues: marked.values,
          },
        },
        { Delete: { TableName: table(), Key: listKey(subject, attention) } },
      ],
    )
  } catch (error) {
    if (!failedConditionAt(error, 0)) throw error
    // Ended by an earlier run of this step.
  }
}

/** What needs attention in a kabupaten (or one kecamatan of it), oldest failure first per kecamatan. */
const attentionOf = itemCodec<AttentionItem>()

export const listAttention = async (query: {
  kabupaten: string
  kecamatan?: string
  limit: number
  cursor?: string
}): Promise<{ items: AttentionItem[]; nextCursor: string | null }> => {
  const { pk, skPrefix } = attentionQuery(query.kabupaten, query.kecamatan)
  const { Items, LastEvaluatedKey } = await dynamo().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: skPrefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk, ...(skPrefix ? { ':prefix': skPrefix } : {}) },
      Limit: query.limit,
      ...(query.cursor
        ? {
            ExclusiveStartKey: decodeCursor(
              query.cursor,
              [['pk', 'sk']],
              (key) => key.pk === pk && (key.sk ?? '').startsWith(skPrefix),
            ),
          }
        : {}),
    }),
  )
  return { items: (Items ?? []).map(attentionOf), nextCursor: nextCursorOf(LastEvaluatedKey) }
}
