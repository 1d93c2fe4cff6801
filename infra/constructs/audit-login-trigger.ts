/**
 * The Cognito post-authentication trigger that writes a `LOGIN` audit entry for every
 * staff sign-in (functions/triggers/cognito-login-audit.ts). Like the staff-directory
 * sync it lives in the data stack, next to the user pool. Its role may append to the
 * audit table and read chain heads, and only on users' own chains (`user:*` partitions):
 * no Update, no Delete, nothing of the state table.
 */
import { Stack } from 'aws-cdk-lib'
import { type UserPool, UserPoolOperation } from 'aws-cdk-lib/aws-cognito'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import { PolicyStatement } from 'aws-cdk-lib/aws-iam'
import type { IKey } from 'aws-cdk-lib/aws-kms'
import { Construct } from 'constructs'
import { auditEntityId } from '../../functions/data/keys'
import { PROJECT_ROOT, TkskFunction } from './tksk-function'

export interface AuditLoginTriggerProps {
  userPool: UserPool
  auditTable: ITable
  tableKey: IKey
}

export class AuditLoginTrigger extends Construct {
  readonly fn: TkskFunction

  constructor(scope: Construct, id: string, props: AuditLoginTriggerProps) {
    super(scope, id)
    this.fn = new TkskFunction(this, 'Trigger', {
      entry: `${PROJECT_ROOT}/functions/triggers/cognito-login-audit.ts`,
      kind: 'trigger',
      description: 'tksk-flow Cognito post-authentication: LOGIN audit entry',
      environment: {
        STAGE: 'aws',
        AUDIT_TABLE_NAME: props.auditTable.tableName,
        POWERTOOLS_SERVICE_NAME: 'tksk-login-audit',
      },
    })
    this.fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        // PutItem (insert-only, `attribute_not_exists`), and GetItem/Query to find the chain head.
        actions: ['dynamodb:PutItem', 'dynamodb:GetItem', 'dynamodb:Query'],
        resources: [props.auditTable.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [auditEntityId.user('*')] } },
      }),
    )
    this.fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
        resources: [props.tableKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${Stack.of(this).region}.amazonaws.com` } },
      }),
    )
    props.userPool.addTrigger(UserPoolOperation.POST_AUTHENTICATION, this.fn.function)
  }
}
