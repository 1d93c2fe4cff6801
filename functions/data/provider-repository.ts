/**
 * The provider directory (DESIGN §4 `/api/admin/providers`): one item per provider,
 * indexed by kabupaten/kota in gsi1, and one marker item per email so that two providers
 * cannot share an address. Every change is one transaction with its audit entry
 * (PROVIDER_CREATED / PROVIDER_UPDATED, before/after) and states its precondition: a new
 * id and a free email on create, the version read and the email markers on update.
 */
import { BatchGetCommand, type BatchGetCommandOutput, GetCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditActor } from '../core/audit/audit-entry'
import { type ProviderRecord, providerView } from '../core/providers/provider-record'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { itemCodec } from './item-codec'
import { queryAll } from './paginate'
import { type AppendOptions, appendAudit, type TransactItem } from './audit-repository'
import {
  auditEntityId,
  providerEmailKey,
  providerKey,
  providersByAreaEntry,
  providersByAreaPartition,
} from './keys'
import { failedConditionAt } from './transaction-errors'

const table = () => env.mainTableName()

const providerOf = itemCodec<ProviderRecord>()

/**
 * Items the seed wrote before the directory existed (no `version`, no `areas`) are not
 * providers of the directory: never routed to, and replaced by the next seed's create.
 */
const isCurrent = (item: Record<string, unknown>): boolean => typeof item.version === 'number'

const itemOf = (record: ProviderRecord) => ({
  ...providerKey(record.providerId),
  ...providersByAreaEntry(record.kabupaten, record.providerId),
  ...record,
})

const emailMarker = (record: ProviderRecord): TransactItem => ({
  Put: {
    TableName: table(),
    Item: { ...providerEmailKey(record.email), providerId: record.providerId },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
})

/** Why a directory write was refused: the email belongs to another provider, or the provider changed meanwhile. */
export type ProviderWriteRefusal = 'EMAIL_IN_USE' | 'ID_IN_USE' | 'STALE'

export class ProviderWriteRefused extends Error {
  constructor(readonly reason: ProviderWriteRefusal) {
    super(`provider write refused: ${reason}`)
    this.name = 'ProviderWriteRefused'
  }
}

interface Change {
  actor: AuditActor
  correlationId: string
  at: Date
}

const audit = (
  action: 'PROVIDER_CREATED' | 'PROVIDER_UPDATED',
  record: ProviderRecord,
  change: Change,
  before: ProviderRecord | undefined,
) => ({
  entityId: auditEntityId.provider(record.providerId),
  area: record.kabupaten,
  actor: change.actor,
  action,
  before: before ? providerView(before) : null,
  after: providerView(record),
  correlationId: change.correlationId,
})

const appendWith = async (
  input: Parameters<typeof appendAudit>[0],
  items: TransactItem[],
  reasons: readonly ProviderWriteRefusal[],
  options: AppendOptions,
) => {
  try {
    await appendAudit(input, { ...options, alongWith: items })
  } catch (error) {
    const index = reasons.findIndex((_, i) => failedConditionAt(error, i))
    const reason = reasons[index]
    if (reason) throw new ProviderWriteRefused(reason)
    throw error
  }
}

export const createProviderRecord = async (record: ProviderRecord, change: Change): Promise<void> => {
  await appendWith(
    audit('PROVIDER_CREATED', record, change, undefined),
    [
      {
        Put: {
          TableName: table(),
          Item: itemOf(record),
          ConditionExpression: 'attribute_not_exists(pk) OR attribute_not_exists(version)',
        },
      },
      emailMarker(record),
    ],
    ['ID_IN_USE', 'EMAIL_IN_USE'],
    // A new provider's chain is empty; a chain left by an id in use only costs a lost race.
    { at: change.at, newEntity: true },
  )
}

/** Writes `next` over `previous` if nobody changed it since it was read; moves the email marker when the email changes. */
export const updateProviderRecord = async (
  previous: ProviderRecord,
  next: ProviderRecord,
  change: Change,
): Promise<void> => {
  const emailChanged = previous.email !== next.email
  await appendWith(
    audit('PROVIDER_UPDATED', next, change, previous),
    [
      {
        Put: {
          TableName: table(),
          Item: itemOf(next),
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':version': previous.version },
        },
      },
      ...(emailChanged
        ? [
            emailMarker(next),
            {
              Delete: {
                TableName: table(),
                Key: providerEmailKey(previous.email),
                ConditionExpression: 'providerId = :id',
                ExpressionAttributeValues: { ':id': previous.providerId },
              },
            },
          ]
        : []),
    ],
    ['STALE', 'EMAIL_IN_USE', 'STALE'],
    { at: change.at },
  )
}

export const getProvider = async (providerId: string): Promise<ProviderRecord | undefined> => {
  const { Item } = await dynamo().send(new GetCommand({ TableName: table(), Key: providerKey(providerId) }))
  return Item && isCurrent(Item) ? providerOf(Item) : undefined
}

/** Every provider of a kabupaten/kota, active or not (routing filters; the admin list shows all). */
export const providersOf = async (kabupaten: string): Promise<ProviderRecord[]> => {
  const items = await queryAll({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': providersByAreaPartition(kabupaten) },
  })
  return items.filter(isCurrent).map(providerOf)
}

const BATCH_GET_LIMIT = 100

/** Which of these (lower-case) emails a provider already has. */
export const emailsInUse = async (emails: readonly string[]): Promise<Set<string>> => {
  const taken = new Set<string>()
  for (let i = 0; i < emails.length; i += BATCH_GET_LIMIT) {
    let keys: Record<string, unknown>[] | undefined = emails
      .slice(i, i + BATCH_GET_LIMIT)
      .map((email) => ({ ...providerEmailKey(email) }))
    while (keys && keys.length > 0) {
      const page: BatchGetCommandOutput = await dynamo().send(
        new BatchGetCommand({ RequestItems: { [table()]: { Keys: keys } } }),
      )
      for (const item of page.Responses?.[table()] ?? [])
        taken.add(String(item.pk).slice(providerEmailKey('').pk.length))
      keys = page.UnprocessedKeys?.[table()]?.Keys
    }
  }
  return taken
}
