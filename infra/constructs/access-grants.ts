/**
 * Puts a function's statements (infra/stacks/access-statements.ts, the same data the
 * local platform evaluates) on its role as IAM PolicyStatements. Statements are written
 * out instead of using `table.grantReadData()` and friends: those grant Scan, `index/*`
 * and KMS wildcards, and we want the exact action list per table to be readable in one
 * place and asserted by test/infra.
 */
import { Arn, ArnFormat, Stack, Validations } from 'aws-cdk-lib'
import type { IUserPool } from 'aws-cdk-lib/aws-cognito'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import { type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam'
import type { IKey } from 'aws-cdk-lib/aws-kms'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager'
import type { IConfigurationSet, IEmailIdentity } from 'aws-cdk-lib/aws-ses'
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions'
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference'
import type { TableDefinition } from '../../functions/data/table-definitions'
import { accessStatements } from '../stacks/access-statements'
import {
  type BucketId,
  conditionsInRegion,
  type ResourceRef,
  type StatementData,
} from '../stacks/statement-data'
import type { FunctionAccess } from '../stacks/function-access'
import { stateMachineName } from './workflow-state-machine'

export interface GrantTargets {
  main: { table: ITable; definition: TableDefinition }
  audit: { table: ITable; definition: TableDefinition }
  tableKey: IKey
  mailIdentity: IEmailIdentity
  /** SES authorises a send against the configuration set it names, too (ADR 0018). */
  mailConfigurationSet?: IConfigurationSet
  anchorBucket: IBucket
  /** CDK context `smsOriginationIdentity` (an ARN); without it no SMS is sent and none is granted. */
  smsOriginationIdentity?: string
  /** The `nikRef` pepper and the key it is encrypted with. */
  nikPepper: { secret: ISecret; key: IKey }
  /** The staff user pool (its admin API for the function that administers staff). */
  staffUserPool: IUserPool
  /** The bucket of large verval files and its key (ADR 0018). */
  vervalUploads?: { bucket: IBucket; key: IKey }
  /** State machines by workflow name; workflows not deployed are skipped. */
  stateMachines: ReadonlyMap<string, IStateMachine>
  /**
   * Workflows of the app whose state machine is made after the function (its own steps
   * function answers its waits): granted on the ARN built from the fixed name, since a
   * reference would close the cycle state machine → function → role policy → state machine.
   */
  workflowsByName?: ReadonlySet<string>
}

const stateMachineArn = (scope: IRole, targets: GrantTargets, workflow: string): string | undefined => {
  const made = targets.stateMachines.get(workflow)
  if (made) return made.stateMachineArn
  if (!targets.workflowsByName?.has(workflow)) return undefined
  return Stack.of(scope).formatArn({
    service: 'states',
    resource: 'stateMachine',
    resourceName: stateMachineName(scope, workflow),
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  })
}

const bucketOf = (targets: GrantTargets, bucket: BucketId): IBucket | undefined =>
  bucket === 'anchors' ? targets.anchorBucket : targets.vervalUploads?.bucket

/** Each reference as the deployed ARN; undefined for a workflow that is not deployed. */
const resolveArn = (scope: IRole, targets: GrantTargets, ref: ResourceRef): string | undefined => {
  switch (ref.kind) {
    case 'table':
      return targets[ref.table].table.tableArn
    case 'index':
      return `${targets[ref.table].table.tableArn}/index/${ref.index}`
    case 'stream':
      return `${targets[ref.table].table.tableArn}/stream/*`
    case 'stateMachine':
      return stateMachineArn(scope, targets, ref.workflow)
    case 'executions': {
      const arn = stateMachineArn(scope, targets, ref.workflow)
      if (!arn) return undefined
      return Stack.of(scope).formatArn({
        service: 'states',
        resource: 'execution',
        resourceName: `${Arn.split(arn, ArnFormat.COLON_RESOURCE_NAME).resourceName}:*`,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      })
    }
    case 'mailIdentity':
      return targets.mailIdentity.emailIdentityArn
    case 'smsOriginationIdentity':
      return targets.smsOriginationIdentity
    case 'configurationSet':
      return targets.mailConfigurationSet
        ? Stack.of(scope).formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: targets.mailConfigurationSet.configurationSetName,
          })
        : undefined
    case 'bucket':
      return bucketOf(targets, ref.bucket)?.bucketArn
    case 'objects':
      return bucketOf(targets, ref.bucket)?.arnForObjects(`${ref.prefix}*`)
    case 'secret':
      return targets.nikPepper.secret.secretArn
    case 'key':
      return ref.key === 'tables'
        ? targets.tableKey.keyArn
        : ref.key === 'nikPepper'
          ? targets.nikPepper.key.keyArn
          : targets.vervalUploads?.key.keyArn
    case 'userPool':
      return targets.staffUserPool.userPoolArn
  }
}

/** Adds the statements to the role; a statement whose resources are all undeployed is left out. */
export const grantStatements = (
  role: IRole,
  statements: readonly StatementData[],
  targets: GrantTargets,
): void => {
  const stack = Stack.of(role)
  for (const statement of statements) {
    const resources = statement.resources
      .map((ref) => resolveArn(role, targets, ref))
      .filter((arn): arn is string => arn !== undefined)
    if (resources.length === 0) continue
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [...statement.actions],
        resources,
        conditions: statement.conditions && conditionsInRegion(statement.conditions, stack.region),
      }),
    )
    if (statement.wildcardReason) {
      for (const resource of resources) {
        Validations.of(role).acknowledge({
          id: `AwsSolutions-IAM5[Resource::${flattenCfnReference(stack.resolve(resource))}]`,
          reason: statement.wildcardReason,
        })
      }
    }
  }
}

export const grantAccess = (role: IRole, access: FunctionAccess, targets: GrantTargets): void =>
  grantStatements(role, accessStatements(access), targets)
