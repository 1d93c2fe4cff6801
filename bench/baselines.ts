/**
 * Raw DynamoDB Local baselines for `npm run bench` (ADR 0019), measured on a scratch
 * table of the same DynamoDB Local in the same run: what the store itself gives, so the
 * platform's figures are ratios that survive the machine's load.
 */
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb'
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  BatchWriteCommand,
  DynamoDBDocumentClient,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb'
import { measure, type Measurement } from './measure'

const pad = (value: number, width: number) => String(value).padStart(width, '0')

/** An item of the size of a registry record (masked NIK and KK, name, address, one history entry). */
const registryItemOf = (n: number) => ({
  pk: 'KPM#PBI#32.01.14',
  sk: `a3f1c0${pad(n, 58)}`,
  nik: '320114**********',
  noKk: '320114**********',
  nama: `Keluarga Uji ${n + 1}`,
  alamat: `Kp. Cibeber RT ${pad(n % 20, 2)}/${pad(n % 7, 2)}`,
  kodeDesa: `32.01.14.${2001 + (n % 10)}`,
  status: 'ACTIVE',
  lastBatchId: '01JBENCHBATCH0000000000000',
  updatedAt: new Date().toISOString(),
  history: [{ batchId: '01JBENCHBATCH0000000000000', period: '2026-01', aksi: 'BARU', at: 'x' }],
})

/** Runs `work` over `count` items in slices of `size`, 4 slices in flight (as the repositories do). */
const sliced = async (count: number, size: number, work: (from: number, to: number) => Promise<void>) => {
  let next = 0
  const worker = async () => {
    while (next < count) {
      const from = next
      next = Math.min(count, next + size)
      await work(from, next)
    }
  }
  await Promise.all(Array.from({ length: 4 }, worker))
}

export interface StoreBaselines {
  /** Items per second by BatchWriteItem (25 a call, 4 in flight), before and after the platform's runs. */
  batchWritePerSecond: number
  batchWriteRange: [number, number]
  /** Items per second by BatchGetItem (100 keys a call, 4 in flight, consistent). */
  batchGetPerSecond: number
  /** One client, a 5-item TransactWriteItems of intake's shape (case, counter, open-case marker, idempotency, audit). */
  transactWrite: Measurement
}

export const createStoreBaselines = async (dynamodbEndpoint: string) => {
  const raw = new DynamoDBClient({
    region: 'ap-southeast-3',
    endpoint: dynamodbEndpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  })
  const client = DynamoDBDocumentClient.from(raw)
  const table = `bench-scratch-${Date.now().toString(36)}`
  await raw.send(
    new CreateTableCommand({
      TableName: table,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    }),
  )
  const perSecond = async (count: number, run: () => Promise<void>) => {
    const started = performance.now()
    await run()
    return count / ((performance.now() - started) / 1000)
  }

  const batchWrite = (count: number) =>
    perSecond(count, () =>
      sliced(count, 25, async (from, to) => {
        let pending = Array.from({ length: to - from }, (_, i) => ({
          PutRequest: { Item: registryItemOf(from + i) },
        }))
        while (pending.length > 0) {
          const { UnprocessedItems } = await client.send(
            new BatchWriteCommand({ RequestItems: { [table]: pending } }),
          )
          pending = (UnprocessedItems?.[table] ?? []) as typeof pending
        }
      }),
    )

  const batchGet = (count: number) =>
    perSecond(count, () =>
      sliced(count, 100, async (from, to) => {
        let keys: Record<string, unknown>[] | undefined = Array.from({ length: to - from }, (_, i) => {
          const { pk, sk } = registryItemOf(from + i)
          return { pk, sk }
        })
        while (keys && keys.length > 0) {
          const { UnprocessedKeys }: BatchGetCommandOutput = await client.send(
            new BatchGetCommand({ RequestItems: { [table]: { Keys: keys, ConsistentRead: true } } }),
          )
          keys = UnprocessedKeys?.[table]?.Keys
        }
      }),
    )

  let serial = 0
  const transactWrite = () =>
    measure(
      'raw TransactWriteItems (5 items, intake shape)',
      async () => {
        serial += 1
        const item = (pk: string, extra: Record<string, unknown> = {}) => ({
          Put: {
            TableName: table,
            Item: { pk, sk: 'X', ...extra },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        })
        await client.send(
          new TransactWriteCommand({
            TransactItems: [
              item(`CASE#${serial}`, registryItemOf(serial)),
              {
                Update: {
                  TableName: table,
                  Key: { pk: 'COUNTER#32.01.14#2026', sk: 'X' },
                  UpdateExpression: 'ADD #n :one',
                  ExpressionAttributeNames: { '#n': 'n' },
                  ExpressionAttributeValues: { ':one': 1 },
                },
              },
              item(`NIKREF#${serial}`),
              item(`IDEMP#${serial}`),
              item(`AUDIT#${serial}`, { entry: 'x'.repeat(600) }),
            ],
          }),
        )
      },
      { count: 200, concurrency: 1, warmup: 10 },
    )

  return {
    batchWrite,
    batchGet,
    transactWrite,
    dispose: async () => {
      await raw.send(new DeleteTableCommand({ TableName: table }))
      raw.destroy()
    },
  }
}
