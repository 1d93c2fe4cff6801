/**
 * ARNs as the local platform names its resources: the tables of this platform (their
 * names come from the environment it set), the registered state machines, the mail
 * sender's domain, and fixed stand-ins for the bucket, secret and keys. Both the
 * statements (resource references) and the requests (names in SDK inputs) become ARNs
 * through here, so the evaluator compares like with like.
 */
import { FILE_ANCHOR_BUCKET } from '../../../functions/data/audit-anchor-file-store'
import { auditTable, mainTable, type TableDefinition } from '../../../functions/data/table-definitions'
import { env } from '../../../functions/shared/env'
import {
  type BucketId,
  conditionsInRegion,
  type ResourceRef,
  type StatementData,
} from '../../stacks/statement-data'
import type { ResolvedStatement } from './evaluate-policy'

export const LOCAL_ACCOUNT = '000000000000'
/** The anchor bucket's local name: the file store under DATA_DIR/anchors answers for it. */
const LOCAL_ANCHOR_BUCKET = FILE_ANCHOR_BUCKET
const LOCAL_NIK_PEPPER_SECRET = `arn:aws:secretsmanager:${env.region()}:${LOCAL_ACCOUNT}:secret:tksk-nik-pepper`

const region = () => env.region()

export const tableArn = (tableName: string): string =>
  `arn:aws:dynamodb:${region()}:${LOCAL_ACCOUNT}:table/${tableName}`

export const sesIdentityArn = (identity: string): string =>
  `arn:aws:ses:${region()}:${LOCAL_ACCOUNT}:identity/${identity}`

export const sesConfigurationSetArn = (name: string): string =>
  `arn:aws:ses:${region()}:${LOCAL_ACCOUNT}:configuration-set/${name}`

export const secretArn = (secretId: string): string =>
  secretId.startsWith('arn:')
    ? secretId
    : `arn:aws:secretsmanager:${region()}:${LOCAL_ACCOUNT}:secret:${secretId}`

export const bucketArn = (bucket: string): string => `arn:aws:s3:::${bucket}`
export const objectArn = (bucket: string, key: string): string => `arn:aws:s3:::${bucket}/${key}`

const tableNames = (): Record<TableDefinition['id'], string> => ({
  main: env.mainTableName(),
  audit: env.auditTableName(),
})

/** The table definition behind a physical table name of this platform. */
export const tableDefinitionOf = (tableName: string): TableDefinition | undefined => {
  const names = tableNames()
  return [mainTable, auditTable].find((definition) => names[definition.id] === tableName)
}

/** The domain of an address such as `tksk-flow <no-reply@tksk.local>`. */
export const mailDomainOf = (address: string): string => /@([^>\s]+)>?\s*$/.exec(address)?.[1] ?? address

const stateMachineArnOf = (workflow: string): string | undefined =>
  process.env[`${workflow.toUpperCase()}_STATE_MACHINE_ARN`] || undefined

const localKeyArn = (key: string) => `arn:aws:kms:${region()}:${LOCAL_ACCOUNT}:key/local-${key}`

/** The anchors' file store, or the verval upload bucket the platform's S3 endpoint serves (ADR 0018). */
const localBucket = (bucket: BucketId): string =>
  bucket === 'anchors' ? LOCAL_ANCHOR_BUCKET : env.vervalUploadBucket()

const resolve = (ref: ResourceRef): string | undefined => {
  switch (ref.kind) {
    case 'table':
      return tableArn(tableNames()[ref.table])
    case 'index':
      return `${tableArn(tableNames()[ref.table])}/index/${ref.index}`
    case 'configurationSet': {
      const name = env.mailConfigurationSet()
      return name ? sesConfigurationSetArn(name) : undefined
    }
    case 'stream':
      return `${tableArn(tableNames()[ref.table])}/stream/*`
    case 'stateMachine':
      return stateMachineArnOf(ref.workflow)
    case 'executions':
      return stateMachineArnOf(ref.workflow)?.replace(':stateMachine:', ':execution:').concat(':*')
    case 'mailIdentity':
      return sesIdentityArn(mailDomainOf(env.mailFrom()))
    case 'smsOriginationIdentity':
      return env.smsOriginationIdentity()
    case 'bucket':
      return bucketArn(localBucket(ref.bucket))
    case 'objects':
      return objectArn(localBucket(ref.bucket), `${ref.prefix}*`)
    case 'secret':
      return LOCAL_NIK_PEPPER_SECRET
    case 'key':
      return localKeyArn(ref.key)
    case 'userPool':
      // Locally the staff identity is the directory alone: no Cognito call is ever made.
      return `arn:aws:cognito-idp:${region()}:${LOCAL_ACCOUNT}:userpool/local-staff`
  }
}

/**
 * Everything `resolve` reads from the environment, as one string: a function's resolved
 * statements hold while it is unchanged (tests and the platform set names at start).
 */
export const localArnInputs = (statements: readonly StatementData[]): string =>
  [
    region(),
    process.env.MAIN_TABLE_NAME,
    process.env.AUDIT_TABLE_NAME,
    process.env.MAIL_FROM,
    process.env.MAIL_CONFIGURATION_SET,
    process.env.VERVAL_UPLOAD_BUCKET,
    ...statements.flatMap((statement) =>
      statement.resources.map((ref) =>
        ref.kind === 'stateMachine' || ref.kind === 'executions' ? stateMachineArnOf(ref.workflow) : '',
      ),
    ),
  ].join('\n')

/** A function's statements with local ARNs (read when evaluated: the platform sets the names at start). */
export const resolveLocally = (statements: readonly StatementData[]): ResolvedStatement[] =>
  statements.map((statement) => ({
    actions: statement.actions,
    resources: statement.resources.map(resolve).filter((arn): arn is string => arn !== undefined),
    ...(statement.conditions ? { conditions: conditionsInRegion(statement.conditions, region()) } : {}),
  }))
