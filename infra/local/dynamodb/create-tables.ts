/**
 * Creates the tables of `functions/data/table-definitions.ts` on DynamoDB Local, the
 * same definitions the CDK data stack deploys.
 */
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb'
import type { TableDefinition } from '../../../functions/data/table-definitions'

export const createTableInput = (definition: TableDefinition, tableName: string): CreateTableCommandInput => {
  const attributes = new Map<string, 'S' | 'N'>()
  for (const key of [
    definition.partitionKey,
    definition.sortKey,
    ...definition.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ]) {
    attributes.set(key.name, key.type)
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({
      AttributeName,
      AttributeType,
    })),
    KeySchema: [
      { AttributeName: definition.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: definition.sortKey.name, KeyType: 'RANGE' },
    ],
    ...(definition.globalSecondaryIndexes.length > 0
      ? {
          GlobalSecondaryIndexes: definition.globalSecondaryIndexes.map((index) => ({
            IndexName: index.indexName,
            KeySchema: [
              { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
              { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          })),
        }
      : {}),
  }
}

/** Creates the table unless it exists already (a second `npm start` keeps its data). */
export const ensureTable = async (
  client: DynamoDBClient,
  definition: TableDefinition,
  tableName: string,
): Promise<'created' | 'existing'> => {
  try {
    await client.send(new CreateTableCommand(createTableInput(definition, tableName)))
  } catch (error) {
    if (error instanceof ResourceInUseException) return 'existing'
    throw error
  }
  if (definition.timeToLiveAttribute) {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: definition.timeToLiveAttribute, Enabled: true },
      }),
    )
  }
  return 'created'
}
