/**
 * Creates the tables of `functions/data/table-definitions.ts` on DynamoDB Local, the
 * same definitions the CDK data stack deploys. A table kept from an earlier start gets
 * the indexes added since, so an old `.data/` keeps working after an upgrade.
 */
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
  type TableDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb'
import type {
  IndexDefinition,
  KeyAttribute,
  TableDefinition,
} from '../../../functions/data/table-definitions'

const attributeDefinitions = (keys: KeyAttribute[]) =>
  [...new Map(keys.map((key) => [key.name, key.type])).entries()].map(([AttributeName, AttributeType]) => ({
    AttributeName,
    AttributeType,
  }))

const indexInput = (index: IndexDefinition) => ({
  IndexName: index.indexName,
  KeySchema: [
    { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
    { AttributeName: index.sortKey.name, KeyType: 'RANGE' as const },
  ],
  Projection: { ProjectionType: 'ALL' as const },
})

export const createTableInput = (
  definition: TableDefinition,
  tableName: string,
): CreateTableCommandInput => ({
  TableName: tableName,
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: attributeDefinitions([
    definition.partitionKey,
    definition.sortKey,
    ...definition.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ]),
  KeySchema: [
    { AttributeName: definition.partitionKey.name, KeyType: 'HASH' },
    { AttributeName: definition.sortKey.name, KeyType: 'RANGE' },
  ],
  ...(definition.globalSecondaryIndexes.length > 0
    ? { GlobalSecondaryIndexes: definition.globalSecondaryIndexes.map(indexInput) }
    : {}),
  ...(definition.stream
    ? { StreamSpecification: { StreamEnabled: true, StreamViewType: definition.stream } }
    : {}),
})

const describe = async (client: DynamoDBClient, tableName: string) =>
  (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table

/** DynamoDB builds one index at a time: wait until the table and all its indexes are ACTIVE. */
const waitUntilIndexesActive = async (client: DynamoDBClient, tableName: string): Promise<void> => {
  // Up to two minutes: DynamoDB Local backfills indexes slowly when it is busy.
  for (let attempt = 0; attempt < 480; attempt += 1) {
    const table = await describe(client, tableName)
    const busy =
      table?.TableStatus !== 'ACTIVE' ||
      (table.GlobalSecondaryIndexes ?? []).some((index) => index.IndexStatus !== 'ACTIVE')
    if (!busy) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`indexes of ${tableName} did not become active`)
}

/** Adds, one at a time as DynamoDB requires, the indexes an existing table lacks. */
const addMissingIndexes = async (client: DynamoDBClient, definition: TableDefinition, tableName: string) => {
  const present = new Set(
    ((await describe(client, tableName))?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName),
  )
  for (const index of definition.globalSecondaryIndexes.filter((i) => !present.has(i.indexName))) {
    await waitUntilIndexesActive(client, tableName)
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: attributeDefinitions([index.partitionKey, index.sortKey]),
        GlobalSecondaryIndexUpdates: [{ Create: indexInput(index) }],
      }),
    )
  }
  await waitUntilIndexesActive(client, tableName)
}

/** A table from before the outbox (ADR 0018) gets its stream. */
const enableStream = async (client: DynamoDBClient, definition: TableDefinition, tableName: string) => {
  if (!definition.stream) return
  if ((await describe(client, tableName))?.StreamSpecification?.StreamEnabled) return
  await client.send(
    new UpdateTableCommand({
      TableName: tableName,
      StreamSpecification: { StreamEnabled: true, StreamViewType: definition.stream },
    }),
  )
  await waitUntilIndexesActive(client, tableName)
}

/** The table has every index of the definition, all ACTIVE, and its stream: nothing to do. */
const isCurrent = (table: TableDescription, definition: TableDefinition): boolean =>
  table.TableStatus === 'ACTIVE' &&
  definition.globalSecondaryIndexes.every((index) =>
    (table.GlobalSecondaryIndexes ?? []).some(
      (present) => present.IndexName === index.indexName && present.IndexStatus === 'ACTIVE',
    ),
  ) &&
  (!definition.stream || table.StreamSpecification?.StreamEnabled === true)

const describeIfExists = async (client: DynamoDBClient, tableName: string) => {
  try {
    return await describe(client, tableName)
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined
    throw error
  }
}

const upgrade = async (client: DynamoDBClient, definition: TableDefinition, tableName: string) => {
  await addMissingIndexes(client, definition, tableName)
  await enableStream(client, definition, tableName)
}

/** What `ensureTable` did, and the table as it is now (its stream ARN for the mailer). */
export interface EnsuredTable {
  outcome: 'created' | 'existing'
  table: TableDescription | undefined
}

/** How `ensureTableDescribed` goes about it. */
export interface EnsureTableOptions {
  /**
   * The name is new to this DynamoDB (a test platform's unique prefix): create at once
   * instead of asking first. Asking about a missing table costs DynamoDB Local an
   * exception, dearer than the creation's own answer (ADR 0049). A name that exists after
   * all is still found and upgraded.
   */
  expectNew?: boolean
}

/**
 * Creates the table unless it exists already (a second `npm start` keeps its data). A
 * warm start asks once (DescribeTable) when the table is as defined (issue 20), and that
 * one answer is handed on (the mailer reads the stream ARN from it instead of asking again).
 */
export const ensureTableDescribed = async (
  client: DynamoDBClient,
  definition: TableDefinition,
  tableName: string,
  options: EnsureTableOptions = {},
): Promise<EnsuredTable> => {
  const existing = options.expectNew ? undefined : await describeIfExists(client, tableName)
  if (existing && isCurrent(existing, definition)) return { outcome: 'existing', table: existing }
  if (existing) {
    await upgrade(client, definition, tableName)
    // Only after an upgrade: the table changed since the first answer.
    return { outcome: 'existing', table: await describe(client, tableName) }
  }
  return createTable(client, definition, tableName)
}

/** The creation's answer is the table as it is when it is already ACTIVE with every index (DynamoDB Local's is). */
const createTable = async (
  client: DynamoDBClient,
  definition: TableDefinition,
  tableName: string,
): Promise<EnsuredTable> => {
  let answer: TableDescription | undefined
  try {
    answer = (await client.send(new CreateTableCommand(createTableInput(definition, tableName))))
      .TableDescription
  } catch (error) {
    // Another start created it between our two calls (or an `expectNew` name was not new).
    if (!(error instanceof ResourceInUseException)) throw error
    await upgrade(client, definition, tableName)
    return { outcome: 'existing', table: await describe(client, tableName) }
  }
  const ready = answer !== undefined && isCurrent(answer, definition)
  if (!ready) await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName })
  if (definition.timeToLiveAttribute) {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: definition.timeToLiveAttribute, Enabled: true },
      }),
    )
  }
  // TTL is not part of a table's description: the creation's answer still holds after it.
  return { outcome: 'created', table: ready ? answer : await describe(client, tableName) }
}

/** `ensureTableDescribed` for callers that only need to know whether it was created. */
export const ensureTable = async (
  client: DynamoDBClient,
  definition: TableDefinition,
  tableName: string,
  options?: EnsureTableOptions,
): Promise<'created' | 'existing'> =>
  (await ensureTableDescribed(client, definition, tableName, options)).outcome
