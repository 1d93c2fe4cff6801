/**
 * BatchWriteItem in chunks of 25 (DynamoDB's limit) with a few requests in flight,
 * retrying what DynamoDB leaves unprocessed with growing pauses. Used for items whose
 * writes are idempotent by key (verval rows, error reports), never for state changes
 * that need a condition.
 */
import { BatchWriteCommand, type BatchWriteCommandInput } from '@aws-sdk/lib-dynamodb'
import { dynamo } from '../shared/clients'

type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number]

const BATCH_SIZE = 25
const IN_FLIGHT = 4
const MAX_ATTEMPTS = 8

const writeOne = async (table: string, requests: WriteRequest[]): Promise<void> => {
  let pending = requests
  for (let attempt = 1; pending.length > 0; attempt++) {
    if (attempt > MAX_ATTEMPTS) throw new Error(`BatchWriteItem left ${pending.length} items unprocessed`)
    const { UnprocessedItems } = await dynamo().send(
      new BatchWriteCommand({ RequestItems: { [table]: pending } }),
    )
    pending = UnprocessedItems?.[table] ?? []
    if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt))
  }
}

export const putAll = async (table: string, items: readonly Record<string, unknown>[]): Promise<void> => {
  const batches: WriteRequest[][] = []
  for (let start = 0; start < items.length; start += BATCH_SIZE)
    batches.push(items.slice(start, start + BATCH_SIZE).map((Item) => ({ PutRequest: { Item } })))
  let next = 0
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++]
      if (batch) await writeOne(table, batch)
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker))
}

export const deleteAll = async (table: string, keys: readonly Record<string, unknown>[]): Promise<void> => {
  for (let start = 0; start < keys.length; start += BATCH_SIZE)
    await writeOne(
      table,
      keys.slice(start, start + BATCH_SIZE).map((Key) => ({ DeleteRequest: { Key } })),
    )
}
