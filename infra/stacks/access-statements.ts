/**
 * What a function's role allows, as plain data: the single source of both the IAM
 * policies the CDK app deploys (infra/constructs/access-grants.ts turns each statement
 * into a PolicyStatement) and the local platform's IAM evaluation
 * (infra/local/iam/), which refuses an SDK call the deployed role would refuse.
 *
 * Resources are named, not spelled as ARNs: each side resolves a reference to its own
 * ARN (a CloudFormation token on AWS, the local table or state machine name locally).
 * A new kind of resource (a stream, a bucket prefix) is a new reference kind here and
 * one line in each resolver; the evaluator itself only compares actions and ARNs.
 */
import {
  healthProbeKeys,
  personLookupKeyPattern,
  rateLimitKeyPattern,
  retentionJobKeyPatterns,
  sessionKeyPattern,
} from '../../functions/data/keys'
import { auditTable, mainTable, type TableDefinition } from '../../functions/data/table-definitions'
import { VERVAL_UPLOAD_PREFIX } from '../../functions/data/verval-upload-store'
import type { AuditTableAccess, FunctionAccess, MainTableAccess } from './function-access'

export type TableId = TableDefinition['id']
export type BucketId = 'anchors' | 'vervalUploads'
export type KeyId = 'tables' | 'nikPepper' | 'vervalUploads'

export type ResourceRef =
  | { kind: 'table'; table: TableId }
  | { kind: 'index'; table: TableId; index: string }
  | { kind: 'stream'; table: TableId }
  | { kind: 'stateMachine'; workflow: string }
  /** Every execution of a workflow's state machine (StopExecution, DescribeExecution). */
  | { kind: 'executions'; workflow: string }
  | { kind: 'mailIdentity' }
  /** The End User Messaging SMS phone number, sender ID or pool residents' SMS come from (ADR 0028). */
  | { kind: 'smsOriginationIdentity' }
  /** The SES configuration set every mail names (bounce and complaint events, ADR 0018). */
  | { kind: 'configurationSet' }
  | { kind: 'bucket'; bucket: BucketId }
  /** Objects of a bucket under a key prefix (`''` = all). */
  | { kind: 'objects'; bucket: BucketId; prefix: string }
  | { kind: 'secret'; secret: 'nikPepper' }
  | { kind: 'key'; key: KeyId }
  /** The staff user pool (its admin API: issue 13, the admin function only). */
  | { kind: 'userPool' }

/**
 * Condition operator → condition key → value or values, as IAM writes them; `${Region}`
 * in a value is the deployment's region.
 */
export type Conditions = Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>

export interface StatementData {
  actions: readonly string[]
  resources: readonly ResourceRef[]
  conditions?: Conditions
  /**
   * Why a wildcard in the resource is acceptable (cdk-nag AwsSolutions-IAM5 asks): set on
   * statements over object prefixes.
   */
  wildcardReason?: string
}

/** What the staff administration does to the user pool (issue 13, ADR 0015); nothing that reads passwords or MFA. */
export const COGNITO_ADMIN_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminDeleteUser',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminUserGlobalSignOut',
] as const

export const REGION_PLACEHOLDER = '${Region}'

/** The conditions with the deployment's region in place of `${Region}`. */
export const conditionsInRegion = (conditions: Conditions, region: string): Conditions =>
  Object.fromEntries(
    Object.entries(conditions).map(([operator, keys]) => [
      operator,
      Object.fromEntries(
        Object.entries(keys).map(([key, values]) => [
          key,
          typeof values === 'string'
            ? values.replace(REGION_PLACEHOLDER, region)
            : values.map((value) => value.replace(REGION_PLACEHOLDER, region)),
        ]),
      ),
    ]),
  )

const READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query']
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
  read: { table: READ, indexes: ['dynamodb:Query'] },
  readWrite: { table: [...READ, ...TABLE_WRITE_ACTIONS], indexes: ['dynamodb:Query'] },
}

const auditTableActions: Record<AuditTableAccess, TableActions> = {
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

const viaService = (service: string): Conditions => ({
  StringEquals: { 'kms:ViaService': `${service}.${REGION_PLACEHOLDER}.amazonaws.com` },
})

const tableStatements = (table: TableId, actions: TableActions): StatementData[] => {
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
const tableKeyStatement = (tableStatementsOfRole: readonly StatementData[]): StatementData => ({
  actions: writesTables(tableStatementsOfRole) ? KMS_WRITE : KMS_READ,
  resources: [{ kind: 'key', key: 'tables' }],
  conditions: viaService('dynamodb'),
})

/** A function's entry of the access table (infra/stacks/function-access.ts) as statements. */
export const accessStatements = (access: FunctionAccess): StatementData[] => {
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
  const statements = [...tables]
  if (tables.length > 0) statements.push(tableKeyStatement(tables))

  for (const workflow of access.startExecution ?? []) {
    statements.push({ actions: ['states:StartExecution'], resources: [{ kind: 'stateMachine', workflow }] })
  }
  for (const workflow of access.stopExecution ?? []) {
    statements.push({
      actions: ['states:StopExecution'],
      resources: [{ kind: 'executions', workflow }],
      wildcardReason:
        'Executions are named by their batch id; the grant covers one state machine’s executions.',
    })
  }
  for (const workflow of access.redriveExecution ?? []) {
    statements.push({
      actions: ['states:RedriveExecution'],
      resources: [{ kind: 'executions', workflow }],
      wildcardReason:
        'Executions are named by their case or batch id; the grant covers one state machine’s executions.',
    })
  }
  for (const workflow of access.answerTasks ?? []) {
    statements.push({
      actions: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
      resources: [{ kind: 'stateMachine', workflow }],
    })
  }
  if (access.sendEmail)
    statements.push({
      actions: ['ses:SendEmail'],
      resources: [{ kind: 'mailIdentity' }, { kind: 'configurationSet' }],
    })
  if (access.sendSms)
    statements.push({
      actions: ['sms-voice:SendTextMessage'],
      resources: [{ kind: 'smsOriginationIdentity' }],
    })
  if (access.cognitoAdmin)
    statements.push({ actions: COGNITO_ADMIN_ACTIONS, resources: [{ kind: 'userPool' }] })
  if (access.nikPepper) {
    statements.push(
      { actions: ['secretsmanager:GetSecretValue'], resources: [{ kind: 'secret', secret: 'nikPepper' }] },
      {
        actions: ['kms:Decrypt'],
        resources: [{ kind: 'key', key: 'nikPepper' }],
        conditions: viaService('secretsmanager'),
      },
    )
  }
  if (access.anchors === 'read') {
    statements.push(
      { actions: ['s3:ListBucket'], resources: [{ kind: 'bucket', bucket: 'anchors' }] },
      {
        actions: ['s3:GetObject'],
        resources: [{ kind: 'objects', bucket: 'anchors', prefix: '' }],
        wildcardReason: 'Anchor objects are keyed by time; the grant is limited to the one anchor bucket.',
      },
    )
  }
  if (access.vervalUploads) {
    // Signing a PUT URL needs s3:PutObject: the browser's upload is authorised as this role.
    statements.push(
      {
        actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
        resources: [{ kind: 'objects', bucket: 'vervalUploads', prefix: VERVAL_UPLOAD_PREFIX }],
        wildcardReason:
          'Uploaded files are keyed by kecamatan and upload id; the grant is limited to verval/ of one bucket.',
      },
      {
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: [{ kind: 'key', key: 'vervalUploads' }],
        conditions: viaService('s3'),
      },
    )
  }
  if (access.anchors === 'write') {
    // PutObject only: the bucket's default Object Lock retention protects what is written.
    statements.push({
      actions: ['s3:PutObject'],
      resources: [{ kind: 'objects', bucket: 'anchors', prefix: '' }],
      wildcardReason: 'Anchor objects are keyed by time; the grant is limited to the one anchor bucket.',
    })
  }
  return statements
}

/**
 * What the retention job does to the main table: read the schedule and cases, update a
 * case, delete its schedule item and its possible-duplicate lookup item (ADR 0027).
 */
export const RETENTION_MAIN_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
] as const

/** The daily retention job (functions/triggers/retention-job.ts). */
export const retentionJobStatements = (): StatementData[] => {
  const main: StatementData = {
    actions: [...RETENTION_MAIN_ACTIONS],
    resources: [{ kind: 'table', table: 'main' }],
    conditions: {
      'ForAllValues:StringLike': {
        'dynamodb:LeadingKeys': [...retentionJobKeyPatterns, personLookupKeyPattern],
      },
    },
  }
  // The audit append (and with it the tables' key through DynamoDB), as every writer of entries has it.
  const audit = tableStatements('audit', auditTableActions.append)
  return [main, ...audit, tableKeyStatement([main, ...audit])]
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
      table: [...READ, 'dynamodb:PutItem', 'dynamodb:ConditionCheckItem'],
      indexes: ['dynamodb:Query'],
    }),
    ...tableStatements('audit', auditTableActions.append),
  ]
  return [...tables, tableKeyStatement(tables)]
}

/** Functions outside the access table whose statements are fixed by their construct. */
export const RETENTION_JOB_FUNCTION = 'retention-job'
export const AUDIT_ANCHORING_FUNCTION = 'audit-anchoring'
export const PENGESAHAN_JOB_FUNCTION = 'pengesahan-job'

/** Every function's statements by name, as the local platform evaluates them. */
export const statementsByFunction = (
  access: Readonly<Record<string, FunctionAccess>>,
): ReadonlyMap<string, readonly StatementData[]> =>
  new Map([
    ...Object.entries(access).map(([name, entry]) => [name, accessStatements(entry)] as const),
    [RETENTION_JOB_FUNCTION, retentionJobStatements()],
    [AUDIT_ANCHORING_FUNCTION, auditAnchoringStatements()],
    [PENGESAHAN_JOB_FUNCTION, pengesahanJobStatements()],
  ])
