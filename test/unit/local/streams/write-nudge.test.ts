import {
  BatchWriteItemCommand,
  DynamoDBClient,
  ExecuteStatementCommand,
  GetItemCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb'
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2'
import type { FinalizeRequestMiddleware, MetadataBearer } from '@smithy/types'
import { describe, expect, it } from 'vitest'
import { nudgeOnWrites } from '../../../../infra/local/streams/write-nudge'

const local = { region: 'ap-southeast-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }

/** Answers every call before it leaves the client (no network), or fails it when told to. */
const answeringLocally = <T extends { middlewareStack: unknown }>(client: T, { fail = false } = {}): T => {
  const answer: FinalizeRequestMiddleware<object, MetadataBearer> = () => async () => {
    if (fail) throw new Error('ConditionalCheckFailed')
    return { output: { $metadata: {} }, response: {} }
  }
  ;(client.middlewareStack as { add: (m: unknown, o: object) => void }).add(answer, {
    step: 'finalizeRequest',
  })
  return client
}

const table = 'tksk'
const key = { pk: { S: 'CASE#1' }, sk: { S: 'CASE' } }

describe('the write nudge of the local stream poller', () => {
  it('nudges the poller once per write a DynamoDB client made', async () => {
    const client = answeringLocally(new DynamoDBClient(local))
    let nudges = 0
    nudgeOnWrites(client, () => void (nudges += 1))
    await client.send(new PutItemCommand({ TableName: table, Item: key }))
    await client.send(
      new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: table, Item: key } }] }),
    )
    expect(nudges).toBe(2)
  })

  it('does not nudge for a read', async () => {
    const client = answeringLocally(new DynamoDBClient(local))
    let nudges = 0
    nudgeOnWrites(client, () => void (nudges += 1))
    await client.send(new GetItemCommand({ TableName: table, Key: key }))
    expect(nudges).toBe(0)
  })

  it('does not nudge for a write that failed: it put nothing on the stream', async () => {
    const client = answeringLocally(new DynamoDBClient(local), { fail: true })
    let nudges = 0
    nudgeOnWrites(client, () => void (nudges += 1))
    await expect(client.send(new PutItemCommand({ TableName: table, Item: key }))).rejects.toThrow()
    expect(nudges).toBe(0)
  })

  it('leaves clients of other services alone', async () => {
    const client = answeringLocally(new SESv2Client(local))
    let nudges = 0
    nudgeOnWrites(client, () => void (nudges += 1))
    await client.send(new SendEmailCommand({ Content: { Raw: { Data: new Uint8Array() } } }))
    expect(nudges).toBe(0)
  })

  describe('told which items the stream reader wants', () => {
    const mail = { pk: { S: 'MAIL#1' }, sk: { S: 'MAIL' } }
    const wanted = (item: Record<string, { S?: string }>) => item.pk?.S?.startsWith('MAIL#') === true
    const nudging = () => {
      const client = answeringLocally(new DynamoDBClient(local))
      const nudged = { count: 0 }
      nudgeOnWrites(client, () => void (nudged.count += 1), wanted)
      return { client, nudged }
    }

    it('does not nudge for writes of other items (a session, a rate limit, an audit entry)', async () => {
      const { client, nudged } = nudging()
      await client.send(new PutItemCommand({ TableName: table, Item: key }))
      await client.send(new UpdateItemCommand({ TableName: table, Key: key, UpdateExpression: 'SET a = :a' }))
      await client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: table, Item: key } },
            { ConditionCheck: { TableName: table, Key: mail, ConditionExpression: 'attribute_exists(pk)' } },
          ],
        }),
      )
      expect(nudged.count).toBe(0)
    })

    it('nudges for a write of a wanted item, alone, in a transaction or in a batch', async () => {
      const { client, nudged } = nudging()
      await client.send(
        new UpdateItemCommand({ TableName: table, Key: mail, UpdateExpression: 'SET a = :a' }),
      )
      await client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Update: { TableName: table, Key: key, UpdateExpression: 'SET a = :a' } },
            { Put: { TableName: table, Item: mail } },
          ],
        }),
      )
      await client.send(
        new BatchWriteItemCommand({
          RequestItems: { [table]: [{ PutRequest: { Item: key } }, { PutRequest: { Item: mail } }] },
        }),
      )
      expect(nudged.count).toBe(3)
    })

    it('sees the items a document client writes (they are marshalled by then)', async () => {
      const { client, nudged } = nudging()
      const documents = DynamoDBDocumentClient.from(client)
      await documents.send(new PutCommand({ TableName: table, Item: { pk: 'MAIL#2', sk: 'MAIL' } }))
      await documents.send(new PutCommand({ TableName: table, Item: { pk: 'CASE#2', sk: 'CASE' } }))
      expect(nudged.count).toBe(1)
    })

    it('nudges for a statement whose items it cannot tell', async () => {
      const { client, nudged } = nudging()
      await client.send(
        new ExecuteStatementCommand({ Statement: `UPDATE "${table}" SET a = 1 WHERE pk = 'X'` }),
      )
      expect(nudged.count).toBe(1)
    })
  })
})
