/**
 * The vocabulary of a function's IAM statements, as plain data: what a statement names
 * (actions, resource references, conditions), shared by the CDK app
 * (infra/constructs/access-grants.ts turns each statement into a PolicyStatement) and the
 * local platform's IAM evaluation (infra/local/iam/), which refuses an SDK call the
 * deployed role would refuse.
 *
 * Resources are named, not spelled as ARNs: each side resolves a reference to its own
 * ARN (a CloudFormation token on AWS, the local table or state machine name locally).
 * A new kind of resource (a stream, a bucket prefix) is a new reference kind here and
 * one line in each resolver; the evaluator itself only compares actions and ARNs.
 */
import type { TableDefinition } from '../../functions/data/table-definitions'

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

/** A KMS key used only through one service (`kms:ViaService`), in the deployment's region. */
export const viaService = (service: string): Conditions => ({
  StringEquals: { 'kms:ViaService': `${service}.${REGION_PLACEHOLDER}.amazonaws.com` },
})
