/**
 * Statements of the scheduled jobs, which are not in the access table: each job's
 * construct fixes what it may touch, narrower than any access level (leading keys, one
 * index, one object prefix). The local platform runs the jobs under these names
 * (infra/local/{retention,anchors,pengesahan}), so its IAM check sees the same statements.
 */
import { personLookupKeyPattern, retentionJobKeyPatterns } from '../../functions/data/keys'
import { auditTable } from '../../functions/data/table-definitions'
import type { StatementData } from './statement-data'
import { auditTableActions, TABLE_READ_ACTIONS, tableKeyStatement, tableStatements } from './table-statements'

/** Functions outside the access table whose statements are fixed by their construct. */
export const RETENTION_JOB_FUNCTION = 'retention-job'
export const AUDIT_ANCHORING_FUNCTION = 'audit-anchoring'
export const PENGESAHAN_JOB_FUNCTION = 'pengesahan-job'

/**
 * What the retention job does to schedule items and cases: read the due schedule items, a
 * case and its step markers, update the case, delete its schedule item.
 */
const RETENTION_MAIN_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
] as const

/** What it does to the case's tasks: read them in batches and update their decisions (ADR 0006, addendum). */
const RETENTION_TASK_ACTIONS = ['dynamodb:BatchGetItem', 'dynamodb:UpdateItem'] as const

/** What it does to a case's person lookup item (ADR 0027) and a bansos case's draft verval rows: delete them, never read them. */
const RETENTION_DELETE_ACTIONS = ['dynamodb:DeleteItem'] as const

const mainTableStatement = (actions: readonly string[], leadingKeys: readonly string[]): StatementData => ({
  actions: [...actions],
  resources: [{ kind: 'table', table: 'main' }],
  conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...leadingKeys] } },
})

/** The daily retention job (functions/triggers/retention-job.ts). */
export const retentionJobStatements = (): StatementData[] => {
  const main = [
    mainTableStatement(RETENTION_MAIN_ACTIONS, retentionJobKeyPatterns.records),
    mainTableStatement(RETENTION_TASK_ACTIONS, retentionJobKeyPatterns.tasks),
    mainTableStatement(RETENTION_DELETE_ACTIONS, [personLookupKeyPattern, ...retentionJobKeyPatterns.drafts]),
  ]
  // The audit append (and with it the tables' key through DynamoDB), as every writer of entries has it.
  const audit = tableStatements('audit', auditTableActions.append)
  return [...main, ...audit, tableKeyStatement([...main, ...audit])]
}

/** Must match the key prefix of functions/data/audit-anchor-s3-store.ts. */
export const ANCHOR_OBJECT_PREFIX = 'anchors/'
export const ANCHOR_HEADS_INDEX = 'byDay'

/** The hourly audit anchoring job (functions/triggers/audit-anchoring.ts). */
export const auditAnchoringStatements = (): StatementData[] => {
  if (!auditTable.globalSecondaryIndexes.some((index) => index.indexName === ANCHOR_HEADS_INDEX))
    throw new Error(`the audit table has no ${ANCHOR_HEADS_INDEX} index`)
  return [
    {
      actions: ['dynamodb:Query'],
      resources: [{ kind: 'index', table: 'audit', index: ANCHOR_HEADS_INDEX }],
    },
    tableKeyStatement([]),
    // Listing finds the newest record (keys count down); only under the anchors prefix.
    {
      actions: ['s3:ListBucket'],
      resources: [{ kind: 'bucket', bucket: 'anchors' }],
      conditions: { StringLike: { 's3:prefix': [`${ANCHOR_OBJECT_PREFIX}*`] } },
    },
    {
      actions: ['s3:GetObject', 's3:PutObject'],
      resources: [{ kind: 'objects', bucket: 'anchors', prefix: ANCHOR_OBJECT_PREFIX }],
      wildcardReason:
        'Anchor objects are named by their position; the grant covers the anchors prefix of one bucket.',
    },
  ]
}

/**
 * The daily pengesahan job (functions/triggers/pengesahan-job.ts, issue 21.5): reads the
 * watched days, batches, Berita Acara revisions and the staff directory (table and gsi1,
 * gsi2), writes reminder records and outbox mails, appends its entries.
 */
export const pengesahanJobStatements = (): StatementData[] => {
  const tables = [
    ...tableStatements('main', {
      table: [...TABLE_READ_ACTIONS, 'dynamodb:PutItem', 'dynamodb:ConditionCheckItem'],
      indexes: ['dynamodb:Query'],
    }),
    ...tableStatements('audit', auditTableActions.append),
  ]
  return [...tables, tableKeyStatement(tables)]
}

/** Every job's statements by its function name. */
export const jobStatements = (): ReadonlyArray<readonly [string, StatementData[]]> => [
  [RETENTION_JOB_FUNCTION, retentionJobStatements()],
  [AUDIT_ANCHORING_FUNCTION, auditAnchoringStatements()],
  [PENGESAHAN_JOB_FUNCTION, pengesahanJobStatements()],
]
