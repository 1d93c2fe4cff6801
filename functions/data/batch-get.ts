/**
 * BatchGetItem in groups of 100 keys (DynamoDB's limit) with a few requests in flight,
 * asking again for what DynamoDB leaves unprocessed. Consistent reads: verval reads the
 * registry it is about to judge or change.
 */
import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb'
import { dynamo } from '../shared/clients'
import type { Key } from './keys'
import { pauseBeforeRetry } from './retry-pause'

const BATCH_GET = 100
const IN_FLIGHT = 8
const MAX_ATTEMPTS = 8
/**
 * Unprocessed keys come back in a successful answer, so the SDK's own retry and backoff never
 * see them: asked again at once, a throttled table would send them back eight times in a row.
 */
const UNPROCESSED_PAUSE = { baseMs: 25, capMs: 1_000 }

/** Runs `work` over `items` with a few in flight: DynamoDB Local answers faster to a handful of connections. */
export const inParallel = async <T, R>(
  items: readonly T[],
  work: (item: T) => Promise<R>,
  width = IN_FLIGHT,
): Promise<R[]> => {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker))
  return results
}

const keyText = (key: Key): string => `${key.pk}\u0000${key.sk}`

/** The items found under these keys (duplicates read once), in no particular order. */
export const getAll = async (table: string, keys: readonly Key[]): Promise<Record<string, unknown>[]> => {
  const unique = [...new Map(keys.map((key) => [keyText(key), { pk: key.pk, sk: key.sk }])).values()]
  const groups: Key[][] = []
  for (let start = 0; start < unique.length; start += BATCH_GET)
    groups.push(unique.slice(start, start + BATCH_GET))
  const found = await inParallel(groups, async (group) => {
    const items: Record<string, unknown>[] = []
    let pending: Record<string, unknown>[] | undefined = group.map((key) => ({ ...key }))
    for (let attempt = 1; pending && pending.length > 0; attempt++) {
      if (attempt > MAX_ATTEMPTS) throw new Error('BatchGetItem kept keys unprocessed')
      if (attempt > 1) await pauseBeforeRetry(attempt - 1, UNPROCESSED_PAUSE)
      const response: BatchGetCommandOutput = await dynamo().send(
        new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }),
      )
      items.push(...(response.Responses?.[table] ?? []))
      pending = response.UnprocessedKeys?.[table]?.Keys
    }
    return items
  })
  return found.flat()
}

/** The item under each key, in the keys' order (undefined where there is none). */
export const getEach = async (
  table: string,
  keys: readonly Key[],
): Promise<(Record<string, unknown> | undefined)[]> => {
  const found = new Map((await getAll(table, keys)).map((item) => [keyText(item as unknown as Key), item]))
  return keys.map((key) => found.get(keyText(key)))
}
