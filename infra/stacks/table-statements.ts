/**
 * DynamoDB statements: the actions each access level of the access table
 * (infra/stacks/function-access.ts) allows on a table and its indexes, the narrow
 * leading-key grants (health probe, rate limit, sessions), and the tables' KMS key, used
 * only through DynamoDB. The scheduled jobs (job-statements.ts) build theirs from the same
 * pieces.
 */
import { healthProbeKeys, rateLimitKeyPattern, sessionKeyPattern } from '../../functions/data/keys'
import { auditTable, mainTable, type TableDefinition } from '../../functions/data/table-definitions'
import type { AuditTableAccess, FunctionAccess, MainTableAccess } from './function-access'
import { type StatementData, type TableId, viaService } from './statement-data'

export const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query']
// TransactWriteItems is authorised per item as PutItem/UpdateItem/DeleteItem/ConditionCheckItem.
export const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
]
const APPEND = ['dynamodb:PutItem', 'dynamodb:ConditionCheckItem']
const CHAIN_HEAD = ['dynamodb:GetItem', 'dynamodb:Query']

/** Actions on the table itself and on its indexes (queries only) for each level. */
interface TableActions {
  table: string[]
  indexes: string[]
  /** Only on the health-probe item's partition. */
  probeOnly?: boolean
}

const PROBE: TableActions = { table: ['dynamodb:GetItem'], indexes: [], probeOnly: true }

const mainTableActions: Record<MainTableAccess, TableActions> = {
  probe: PROBE,
  read: { table: TABLE_READ_ACTIONS, indexes: ['dynamodb:Query'] },
  readWrite: { table: [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS], indexes: ['dynamodb:Query'] },
}

export const auditTableActions: Record<AuditTableAccess, TableActions> = {
  probe: PROBE,
  append: { table: [...APPEND, ...CHAIN_HEAD], indexes: [] },
  read: { table: CHAIN_HEAD, indexes: ['dynamodb:Query'] },
  readAppend: { table: [...APPEND, ...CHAIN_HEAD], indexes: ['dynamodb:Query'] },
}

const definitions: Record<TableId, TableDefinition> = { main: mainTable, audit: auditTable }

const probePartitionKey = (definition: TableDefinition): string => {
  const probe: Record<string, string> = healthProbeKeys[definition.id]
  const value = probe[definition.partitionKey.name]
  if (value === undefined) throw new Error(`no health-probe key for the ${definition.id} table`)
  return value
}

const KMS_READ = ['kms:Decrypt', 'kms:DescribeKey']
const KMS_WRITE = [...KMS_READ, 'kms:Encrypt', 'kms:GenerateDataKey']

export const tableStatements = (table: TableId, actions: TableActions): StatementData[] => {
  const definition = definitions[table]
  const statements: StatementData[] = [
    {
      actions: actions.table,
      resources: [{ kind: 'table', table }],
      ...(actions.probeOnly
        ? {
            conditions: {
              'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [probePartitionKey(definition)] },
            },
          }
        : {}),
    },
  ]
  if (actions.indexes.length > 0 && definition.globalSecondaryIndexes.length > 0) {
    // Each index by name: no `index/*` wildcard.
    statements.push({
      actions: actions.indexes,
      resources: definition.globalSecondaryIndexes.map((index) => ({
        kind: 'index',
        table,
        index: index.indexName,
      })),
    })
  }
  return statements
}

const writesTables = (statements: readonly StatementData[]): boolean =>
  statements.some((statement) => statement.actions.some((action) => TABLE_WRITE_ACTIONS.includes(action)))

/** The tables' key, only through DynamoDB: decrypt to read, and encrypt too when the role writes. */
export const tableKeyStatement = (tableStatementsOfRole: readonly StatementData[]): StatementData => ({
  actions: writesTables(tableStatementsOfRole) ? KMS_WRITE : KMS_READ,
  resources: [{ kind: 'key', key: 'tables' }],
  conditions: viaService('dynamodb'),
})

/** The table statements of a function's access-table entry (without the tables' key). */
export const accessTableStatements = (access: FunctionAccess): StatementData[] => {
  const tables: StatementData[] = []
  if (access.main) tables.push(...tableStatements('main', mainTableActions[access.main]))
  if (access.audit) tables.push(...tableStatements('audit', auditTableActions[access.audit]))
  if (access.rateLimit && access.main !== 'readWrite') {
    tables.push({
      actions: ['dynamodb:UpdateItem'],
      resources: [{ kind: 'table', table: 'main' }],
      conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [rateLimitKeyPattern] } },
    })
  }
  if (access.sessions && access.main !== 'readWrite') {
    // A staff request records its session's activity and ends a dead session (ADR 0011).
    tables.push({
      actions: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
      resources: [{ kind: 'table', table: 'main' }],
      conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [sessionKeyPattern] } },
    })
  }
  return tables
}
