/**
 * The seed of DESIGN §6 once per worker instead of once per file (ADR 0022). The first
 * platform of a worker runs the seeding use cases (staff, then providers with their
 * PROVIDER_CREATED entries); its tables' items are kept, and each later platform of the
 * worker gets them by BatchWriteItem into its fresh tables. The files of a worker share
 * their modules (vitest.config.ts `isolate: false`), so the copy outlives a file.
 *
 * Copied items are the first platform's, attribute for attribute: the audit entries keep
 * their timestamps and hashes (their chains verify), and the providers their creation
 * order. The copy is used only on the UTC day it was made (the audit indexes are per
 * day: an entry of yesterday would move a file's seed out of its day) and only into
 * tables this start created (a restart over kept tables re-seeds as `npm start` does,
 * keeping what an admin changed).
 */
import { putAll } from '../../functions/data/batch-write'
import { scanPages } from '../../functions/data/paginate'
import { now } from '../../functions/shared/clock'
import type { SeedLoader } from '../../infra/local/platform-options'

type Item = Record<string, unknown>

interface SeededItems {
  utcDay: string
  main: Item[]
  audit: Item[]
}

let seeded: SeededItems | undefined

const scanAll = async (tableName: string): Promise<Item[]> => {
  const items: Item[] = []
  for await (const page of scanPages({ TableName: tableName, ConsistentRead: true })) items.push(...page)
  return items
}

export const copySeed: SeedLoader = async ({ runSeed, freshTables, tables }) => {
  const utcDay = now().toISOString().slice(0, 10)
  if (freshTables && seeded?.utcDay === utcDay) {
    await Promise.all([putAll(tables.main, seeded.main), putAll(tables.audit, seeded.audit)])
    return
  }
  await runSeed()
  if (!freshTables) return
  const [main, audit] = await Promise.all([scanAll(tables.main), scanAll(tables.audit)])
  seeded = { utcDay, main, audit }
}
