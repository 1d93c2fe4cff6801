import { DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TableDefinition } from '../../../functions/data/table-definitions'
import { auditTable, mainTable } from '../../../functions/data/table-definitions'
import { ensureTable, ensureTableDescribed } from '../../../infra/local/dynamodb/create-tables'

import { type DynamoDbLocal, startDynamoDbLocal } from '../../../infra/local/dynamodb/dynamodb-local'

// An instance of its own: index backfills are slow on the worker's busy one.
let dynamodb: DynamoDbLocal
let client: DynamoDBClient
beforeAll(async () => {
  dynamodb = await startDynamoDbLocal({ maxHeap: '128m' })
  client = new DynamoDBClient({
    region: 'ap-southeast-3',
    endpoint: dynamodb.endpoint,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  })
})
afterAll(async () => {
  client?.destroy()
  await dynamodb?.stop()
})

const indexesOf = async (tableName: string) =>
  (
    (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table?.GlobalSecondaryIndexes ??
    []
  )
    .map((index) => index.IndexName)
    .sort()

describe('the local tables', () => {
  it('are created from the same definitions the CDK deploys, with every index', async () => {
    const name = `ct-${Date.now()}-main`
    expect(await ensureTable(client, mainTable, name)).toBe('created')
    expect(await indexesOf(name)).toEqual(mainTable.globalSecondaryIndexes.map((i) => i.indexName).sort())
    expect(await ensureTable(client, mainTable, name)).toBe('existing')
  })

  it('gain the indexes added since an older data directory was created', async () => {
    const name = `ct-${Date.now()}-audit`
    const older: TableDefinition = {
      ...auditTable,
      globalSecondaryIndexes: auditTable.globalSecondaryIndexes.slice(0, 1),
    }
    await ensureTable(client, older, name)
    expect(await ensureTable(client, auditTable, name)).toBe('existing')
    expect(await indexesOf(name)).toEqual(auditTable.globalSecondaryIndexes.map((i) => i.indexName).sort())
  })

  it('hand on the stream of the table they checked, created or kept, so the mailer need not ask again', async () => {
    const name = `ct-${Date.now()}-stream`
    const created = await ensureTableDescribed(client, mainTable, name)
    const kept = await ensureTableDescribed(client, mainTable, name)
    const asked = (await client.send(new DescribeTableCommand({ TableName: name }))).Table?.LatestStreamArn
    expect(asked).toMatch(/^arn:aws:dynamodb:/)
    expect(created).toMatchObject({ outcome: 'created', table: { LatestStreamArn: asked } })
    expect(kept).toMatchObject({ outcome: 'existing', table: { LatestStreamArn: asked } })
  })

  it('are created with their stream and time to live without being asked about first when the name is new', async () => {
    const name = `ct-${Date.now()}-new`
    const calls: string[] = []
    const counting = new DynamoDBClient({
      region: 'ap-southeast-3',
      endpoint: dynamodb.endpoint,
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    })
    counting.middlewareStack.add(
      (next, context) => (args) => {
        calls.push(context.commandName ?? '')
        return next(args)
      },
      { step: 'initialize' },
    )
    try {
      const created = await ensureTableDescribed(counting, mainTable, name, { expectNew: true })
      expect(calls).toEqual(['CreateTableCommand', 'UpdateTimeToLiveCommand'])
      const asked = (await client.send(new DescribeTableCommand({ TableName: name }))).Table
      expect(created).toMatchObject({
        outcome: 'created',
        table: { LatestStreamArn: asked?.LatestStreamArn },
      })
      expect(asked?.GlobalSecondaryIndexes?.map((index) => index.IndexStatus)).toEqual(['ACTIVE', 'ACTIVE'])
      const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: name }))
      expect(ttl.TimeToLiveDescription).toMatchObject({
        AttributeName: 'expiresAt',
        TimeToLiveStatus: 'ENABLED',
      })
    } finally {
      counting.destroy()
    }
  })

  it('still find and upgrade a table said to be new that exists after all', async () => {
    const name = `ct-${Date.now()}-notnew`
    const older: TableDefinition = {
      ...auditTable,
      globalSecondaryIndexes: auditTable.globalSecondaryIndexes.slice(0, 1),
    }
    await ensureTable(client, older, name)
    expect(await ensureTable(client, auditTable, name, { expectNew: true })).toBe('existing')
    expect(await indexesOf(name)).toEqual(auditTable.globalSecondaryIndexes.map((i) => i.indexName).sort())
  })
})
