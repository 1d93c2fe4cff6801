/**
 * The platform's two tables, checked or created from the CDK's definitions, and the seed of
 * DESIGN §6 loaded into them unless the options say otherwise.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { auditTable, mainTable } from '../../functions/data/table-definitions'
import { ensureTableDescribed } from './dynamodb/create-tables'
import type { LocalPlatformOptions } from './platform-options'
import { readSeedStampEarly, seed } from './seed/seed'

/** The platform's table names: every part of it (env, Step Functions, stream consumers) reads them here. */
export const localTableNames = (tablePrefix: string) => ({
  main: `${tablePrefix}-main`,
  audit: `${tablePrefix}-audit`,
})

/** Answers the main table's stream as its check described it: the stream consumers need not ask again. */
export const prepareTables = async (
  rawClient: DynamoDBClient,
  tablePrefix: string,
  options: Pick<LocalPlatformOptions, 'seed' | 'newTablePrefix'>,
): Promise<{ mainStreamArn: string | undefined }> => {
  const tables = localTableNames(tablePrefix)
  // The seed stamp is read beside the table checks; tables of a new name hold none (and a
  // missing table is an exception inside the JVM).
  const seedStamp =
    options.seed === undefined || options.seed === true
      ? options.newTablePrefix
        ? Promise.resolve(undefined)
        : readSeedStampEarly()
      : undefined
  const ensured = await Promise.all([
    ensureTableDescribed(rawClient, mainTable, tables.main, { expectNew: options.newTablePrefix }),
    ensureTableDescribed(rawClient, auditTable, tables.audit, { expectNew: options.newTablePrefix }),
  ])
  if (typeof options.seed === 'function')
    await options.seed({
      runSeed: seed,
      freshTables: ensured.every((table) => table.outcome === 'created'),
      tables,
    })
  else if (seedStamp) await seed(seedStamp)
  return { mainStreamArn: ensured[0].table?.LatestStreamArn }
}
