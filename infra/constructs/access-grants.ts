/**
 * Turns a function's entry of the access table (infra/stacks/function-access.ts) into
 * IAM statements on its role. Statements are written out instead of using
 * `table.grantReadData()` and friends: those grant Scan, `index/*` and KMS wildcards,
 * and we want the exact action list per table to be readable in one place and asserted
 * by test/infra.
 */
import { Stack, Validations } from 'aws-cdk-lib'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import { type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam'
import type { IKey } from 'aws-cdk-lib/aws-kms'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager'
import type { IEmailIdentity } from 'aws-cdk-lib/aws-ses'
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions'
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference'
import { healthProbeKeys, sessionKeyPattern } from '../../functions/data/keys'
import type { TableDefinition } from '../../functions/data/table-definitions'
import type { AuditTableAccess, FunctionAccess, MainTableAccess } from '../stacks/function-access'

export interface GrantTargets {
  main: { table: ITable; definition: TableDefinition }
  audit: { table: ITable; definition: TableDefinition }
  tableKey: IKey
  mailIdentity: IEmailIdentity
  anchorBucket: IBucket
  /** The `nikRef` pepper and the key it is encrypted with. */
  nikPepper: { secret: ISecret; key: IKey }
  /** State machines by workflow name; workflows not deployed are skipped. */
  stateMachines: ReadonlyMap<string, IStateMachine>
}

const READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query']
// TransactWriteItems is authorised per item as PutItem/UpdateItem/DeleteItem/ConditionCheckItem.
const WRITE = [
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
  readWrite: { table: [...READ, ...WRITE], indexes: ['dynamodb:Query'] },
}

const auditTableActions: Record<AuditTableAccess, TableActions> = {
  probe: PROBE,
  append: { table: [...APPEND, ...CHAIN_HEAD], indexes: [] },
  read: { table: CHAIN_HEAD, indexes: ['dynamodb:Query'] },
  readAppend: { table: [...APPEND, ...CHAIN_HEAD], indexes: ['dynamodb:Query'] },
}

/**
 * Leading key of rate-limit window items (DESIGN §2 data model: `RL#<route>#<client>#<minute>`);
 * keep it in step with the rate-limit key of functions/data/keys.ts.
 */
const RATE_LIMIT_KEY_PATTERN = 'RL#*'

const probePartitionKey = (definition: TableDefinition): string => {
  const probe: Record<string, string> = healthProbeKeys[definition.id]
  const value = probe[definition.partitionKey.name]
  if (value === undefined) throw new Error(`no health-probe key for the ${definition.id} table`)
  return value
}

const leadingKeyIs = (partitionKey: string) => ({
  'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [partitionKey] },
})

const KMS_READ = ['kms:Decrypt', 'kms:DescribeKey']
const KMS_WRITE = [...KMS_READ, 'kms:Encrypt', 'kms:GenerateDataKey']

export const grantAccess = (role: IRole, access: FunctionAccess, targets: GrantTargets): void => {
  const add = (statement: PolicyStatement) => role.addToPrincipalPolicy(statement)
  let writesTables = false

  const grantTable = (target: GrantTargets['main'], actions: TableActions) => {
    add(
      new PolicyStatement({
        actions: actions.table,
        resources: [target.table.tableArn],
        conditions: actions.probeOnly ? leadingKeyIs(probePartitionKey(target.definition)) : undefined,
      }),
    )
    if (actions.indexes.length > 0 && target.definition.globalSecondaryIndexes.length > 0) {
      // Each index by name: no `index/*` wildcard.
      const indexArns = target.definition.globalSecondaryIndexes.map(
        (index) => `${target.table.tableArn}/index/${index.indexName}`,
      )
      add(new PolicyStatement({ actions: actions.indexes, resources: indexArns }))
    }
    writesTables ||= actions.table.some((action) => WRITE.includes(action))
  }

  if (access.main) grantTable(targets.main, mainTableActions[access.main])
  if (access.audit) grantTable(targets.audit, auditTableActions[access.audit])
  if (access.rateLimit && access.main !== 'readWrite') {
    add(
      new PolicyStatement({
        actions: ['dynamodb:UpdateItem'],
        resources: [targets.main.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [RATE_LIMIT_KEY_PATTERN] } },
      }),
    )
    writesTables = true
  }
  if (access.sessions && access.main !== 'readWrite') {
    add(
      new PolicyStatement({
        actions: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
        resources: [targets.main.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [sessionKeyPattern] } },
      }),
    )
    writesTables = true
  }
  if (access.main || access.audit || access.rateLimit || access.sessions) {
    // The tables' key, only through DynamoDB.
    add(
      new PolicyStatement({
        actions: writesTables ? KMS_WRITE : KMS_READ,
        resources: [targets.tableKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${Stack.of(role).region}.amazonaws.com` } },
      }),
    )
  }

  for (const workflow of access.startExecution ?? [])
    targets.stateMachines.get(workflow)?.grantStartExecution(role)
  for (const workflow of access.answerTasks ?? [])
    targets.stateMachines.get(workflow)?.grantTaskResponse(role)

  if (access.sendEmail) {
    add(
      new PolicyStatement({ actions: ['ses:SendEmail'], resources: [targets.mailIdentity.emailIdentityArn] }),
    )
  }
  if (access.nikPepper) {
    add(
      new PolicyStatement({
        actions: ['secretsmanager:GetSecretValue'],
        resources: [targets.nikPepper.secret.secretArn],
      }),
    )
    add(
      new PolicyStatement({
        actions: ['kms:Decrypt'],
        resources: [targets.nikPepper.key.keyArn],
        conditions: {
          StringEquals: { 'kms:ViaService': `secretsmanager.${Stack.of(role).region}.amazonaws.com` },
        },
      }),
    )
  }
  if (access.anchors) {
    const objects = targets.anchorBucket.arnForObjects('*')
    if (access.anchors === 'read') {
      add(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [targets.anchorBucket.bucketArn] }))
      add(new PolicyStatement({ actions: ['s3:GetObject'], resources: [objects] }))
    } else {
      // PutObject only: the bucket's default Object Lock retention protects what is written.
      add(new PolicyStatement({ actions: ['s3:PutObject'], resources: [objects] }))
    }
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(role).resolve(objects))}]`,
      reason: 'Anchor objects are keyed by time; the grant is limited to the one anchor bucket.',
    })
  }
}
