/**
 * The tables, declared once as data. The CDK data stack and the local bootstrap
 * (`infra/local/dynamodb/create-tables.ts`) both build their tables from these, so the
 * keys and indexes tested locally are the ones deployed.
 */
export interface KeyAttribute {
  name: string
  type: 'S' | 'N'
}

export interface IndexDefinition {
  indexName: string
  partitionKey: KeyAttribute
  sortKey: KeyAttribute
}

export interface TableDefinition {
  /** Logical id; the physical name comes from the environment (or CDK). */
  id: 'main' | 'audit'
  partitionKey: KeyAttribute
  sortKey: KeyAttribute
  globalSecondaryIndexes: IndexDefinition[]
  timeToLiveAttribute?: string
  /** A stream of item changes with their new image (the mail outbox's feed, ADR 0018). */
  stream?: 'NEW_IMAGE'
}

const s = (name: string): KeyAttribute => ({ name, type: 'S' })

/** State: cases, tasks, links, counters, batches, KPM, idempotency, rate limits. */
export const mainTable: TableDefinition = {
  id: 'main',
  partitionKey: s('pk'),
  sortKey: s('sk'),
  globalSecondaryIndexes: [
    { indexName: 'gsi1', partitionKey: s('gsi1pk'), sortKey: s('gsi1sk') },
    { indexName: 'gsi2', partitionKey: s('gsi2pk'), sortKey: s('gsi2sk') },
  ],
  timeToLiveAttribute: 'expiresAt',
  stream: 'NEW_IMAGE',
}

/**
 * Append-only audit trail (DESIGN §5): one hash chain per entity, reviewable by actor and
 * by area/day. `byDay` lets the hourly anchor job find the chains that changed in a time
 * window with a few Queries (one per UTC day), without a Scan and without asking every
 * writer to put a marker item into its transaction.
 */
export const auditTable: TableDefinition = {
  id: 'audit',
  partitionKey: s('entityId'),
  sortKey: s('seq'),
  globalSecondaryIndexes: [
    { indexName: 'byActor', partitionKey: s('actorId'), sortKey: s('atSeq') },
    { indexName: 'byAreaDay', partitionKey: s('areaDay'), sortKey: s('atSeq') },
    { indexName: 'byDay', partitionKey: s('day'), sortKey: s('atSeq') },
  ],
}

export const tableDefinitions = [mainTable, auditTable] as const
