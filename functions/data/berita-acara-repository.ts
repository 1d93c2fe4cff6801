/**
 * The Berita Acara revisions (issue 21.3, ADR 0035): one item per revision under its
 * scope's partition, a lookup item per verification code, and the scope's batches read
 * from the batch index. Issuing and signing are transactions with their audit entry and
 * their precondition: a revision number is taken once, a correction supersedes the
 * revision it read, and a revision is signed once.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditInput } from '../core/audit/audit-entry'
import type { BatchRecord } from '../core/verval/batch-record'
import type { BeritaAcaraRevision, BeritaAcaraScope, BeritaAcaraSignature } from '../core/verval/berita-acara'
import { areaLevel } from '../core/areas/area-code'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { appendAudit, type TransactItem } from './audit-repository'
import { recordOf as batchOf } from './batch-repository'
import { itemCodec } from './item-codec'
import {
  batchesByAreaPartition,
  batchesByAreaPrefix,
  beritaAcaraCodeKey,
  beritaAcaraRevisionKey,
  beritaAcaraRevisionsQuery,
} from './keys'
import { queryAll } from './paginate'
import { namedItems } from './transaction-errors'

const table = () => env.mainTableName()
const revisionOf = itemCodec<BeritaAcaraRevision>()

/** The newest revision of a scope, read consistently (what issuing and signing judge). */
export const latestRevision = async (scope: BeritaAcaraScope): Promise<BeritaAcaraRevision | undefined> => {
  const { pk, skPrefix } = beritaAcaraRevisionsQuery(scope)
  const { Items } = await dynamo().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    }),
  )
  const item = Items?.[0]
  return item ? revisionOf(item) : undefined
}

export const getRevision = async (
  scope: BeritaAcaraScope,
  revision: number,
): Promise<BeritaAcaraRevision | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({
      TableName: table(),
      Key: beritaAcaraRevisionKey(scope, revision),
      ConsistentRead: true,
    }),
  )
  return Item ? revisionOf(Item) : undefined
}

/** The revision a printed verification code names, or undefined for an unknown code. */
export const revisionByCode = async (code: string): Promise<BeritaAcaraRevision | undefined> => {
  const { Item } = await dynamo().send(new GetCommand({ TableName: table(), Key: beritaAcaraCodeKey(code) }))
  if (!Item) return undefined
  return getRevision(
    {
      area: Item.area as string,
      program: Item.program as BeritaAcaraScope['program'],
      period: Item.period as string,
    },
    Item.revision as number,
  )
}

/**
 * Every batch of the scope's program and period: a kecamatan's by its index prefix; a
 * kabupaten's by its partition, filtered (the index sorts by kecamatan first, so the
 * period has no prefix across kecamatan; a kabupaten's batches are a few thousand items).
 */
export const batchesOfScope = async (scope: BeritaAcaraScope): Promise<BatchRecord[]> => {
  const ofKecamatan = areaLevel(scope.area) === 'district'
  const items = await queryAll({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: ofKecamatan ? 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)' : 'gsi1pk = :pk',
    ...(ofKecamatan
      ? {}
      : {
          FilterExpression: 'program = :program AND period = :period',
        }),
    ExpressionAttributeValues: {
      ':pk': batchesByAreaPartition(scope.area),
      ...(ofKecamatan
        ? { ':prefix': batchesByAreaPrefix(scope.area, scope.program, scope.period) }
        : { ':program': scope.program, ':period': scope.period }),
    },
  })
  return items.map(batchOf)
}

/** Every batch of a kabupaten/kota in a period, all programs (the deadline's view of its kecamatan). */
export const batchesOfPeriod = async (kabupaten: string, period: string): Promise<BatchRecord[]> =>
  (
    await queryAll({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      FilterExpression: 'period = :period',
      ExpressionAttributeValues: { ':pk': batchesByAreaPartition(kabupaten), ':period': period },
    })
  ).map(batchOf)

export class RevisionTakenError extends Error {
  constructor() {
    super('the Berita Acara changed meanwhile')
    this.name = 'RevisionTakenError'
  }
}

/**
 * Writes a new revision, its code lookup and its entry; a correction also marks the
 * revision it replaces (which must still be the newest, unsuperseded).
 */
export const putRevision = async (
  revision: BeritaAcaraRevision,
  audit: AuditInput,
  replaces?: BeritaAcaraRevision,
): Promise<void> => {
  const scope = { area: revision.area, program: revision.program, period: revision.period }
  const named = namedItems<'revision' | 'code' | 'replaced'>({
    revision: {
      Put: {
        TableName: table(),
        Item: { ...beritaAcaraRevisionKey(scope, revision.revision), ...revision },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    code: {
      Put: {
        TableName: table(),
        Item: { ...beritaAcaraCodeKey(revision.code), ...scope, revision: revision.revision },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...(replaces
      ? {
          replaced: {
            Update: {
              TableName: table(),
              Key: beritaAcaraRevisionKey(scope, replaces.revision),
              UpdateExpression: 'SET supersededBy = :next',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(supersededBy)',
              ExpressionAttributeValues: { ':next': revision.revision },
            },
          } satisfies TransactItem,
        }
      : {}),
  })
  try {
    await appendAudit(audit, { alongWith: named.items })
  } catch (error) {
    if (named.failed(error, 'revision') || named.failed(error, 'replaced')) throw new RevisionTakenError()
    throw error
  }
}

export class SignatureRefusedError extends Error {
  constructor() {
    super('the Berita Acara revision was signed or superseded meanwhile')
    this.name = 'SignatureRefusedError'
  }
}

/** Records the signature once: the revision must exist, be unsigned and not superseded. */
export const putSignature = async (
  revision: BeritaAcaraRevision,
  signature: BeritaAcaraSignature,
  audit: AuditInput,
): Promise<void> => {
  const scope = { area: revision.area, program: revision.program, period: revision.period }
  const named = namedItems<'signature'>({
    signature: {
      Update: {
        TableName: table(),
        Key: beritaAcaraRevisionKey(scope, revision.revision),
        UpdateExpression: 'SET signature = :signature',
        ConditionExpression:
          'attribute_exists(pk) AND attribute_not_exists(signature) AND attribute_not_exists(supersededBy)',
        ExpressionAttributeValues: { ':signature': signature },
      },
    },
  })
  try {
    await appendAudit(audit, { alongWith: named.items })
  } catch (error) {
    if (named.failed(error, 'signature')) throw new SignatureRefusedError()
    throw error
  }
}
