/**
 * The Cognito trigger that mirrors staff users into the directory of the main table
 * (functions/triggers/cognito-staff-sync.ts). It lives in the data stack, next to the
 * user pool it is attached to: a trigger from the app stack would make the pool depend
 * on that stack and the stack on the pool. Its role may only put directory entries
 * (`dynamodb:LeadingKeys` `USER#*`): it cannot read, update or delete anything.
 */
import { Stack } from 'aws-cdk-lib'
import { type UserPool, UserPoolOperation } from 'aws-cdk-lib/aws-cognito'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import { PolicyStatement } from 'aws-cdk-lib/aws-iam'
import type { IKey } from 'aws-cdk-lib/aws-kms'
import { Construct } from 'constructs'
import { userKeyPattern } from '../../functions/data/keys'
import { PROJECT_ROOT, TkskFunction } from './tksk-function'

export interface StaffDirectorySyncProps {
  userPool: UserPool
  table: ITable
  tableKey: IKey
}

export class StaffDirectorySync extends Construct {
  readonly fn: TkskFunction

  constructor(scope: Construct, id: string, props: StaffDirectorySyncProps) {
    super(scope, id)
    this.fn = new TkskFunction(this, 'Sync', {
      entry: `${PROJECT_ROOT}/functions/triggers/cognito-staff-sync.ts`,
      kind: 'trigger',
      description: 'tksk-flow Cognito pre-token-generation: staff directory sync',
      environment: {
        STAGE: 'aws',
        MAIN_TABLE_NAME: props.table.tableName,
        POWERTOOLS_SERVICE_NAME: 'tksk-staff-sync',
      },
    })
    this.fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['dynamodb:PutItem'],
        resources: [props.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [userKeyPattern] } },
      }),
    )
    // Writing an item of a KMS-encrypted table: the key, only through DynamoDB.
    this.fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
        resources: [props.tableKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${Stack.of(this).region}.amazonaws.com` } },
      }),
    )
    props.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION, this.fn.function)
  }
}
