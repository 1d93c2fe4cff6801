/**
 * What a function's role allows, as plain data: the single source of both the IAM
 * policies the CDK app deploys (infra/constructs/access-grants.ts) and the local
 * platform's IAM evaluation (infra/local/iam/). This module turns an entry of the access
 * table (function-access.ts) into statements; the statement vocabulary is
 * statement-data.ts, the DynamoDB statements table-statements.ts, and the scheduled jobs'
 * fixed statements job-statements.ts.
 */
import { VERVAL_UPLOAD_PREFIX } from '../../functions/data/verval-upload-store'
import type { FunctionAccess } from './function-access'
import { jobStatements } from './job-statements'
import { type StatementData, viaService } from './statement-data'
import { accessTableStatements, tableKeyStatement } from './table-statements'

/** What the staff administration does to the user pool (issue 13, ADR 0015); nothing that reads passwords or MFA. */
export const COGNITO_ADMIN_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminDeleteUser',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminUserGlobalSignOut',
] as const

/** A function's entry of the access table (infra/stacks/function-access.ts) as statements. */
export const accessStatements = (access: FunctionAccess): StatementData[] => {
  const tables = accessTableStatements(access)
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

/** Every function's statements by name, as the local platform evaluates them. */
export const statementsByFunction = (
  access: Readonly<Record<string, FunctionAccess>>,
): ReadonlyMap<string, readonly StatementData[]> =>
  new Map([
    ...Object.entries(access).map(([name, entry]) => [name, accessStatements(entry)] as const),
    ...jobStatements(),
  ])
