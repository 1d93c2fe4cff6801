/**
 * What IAM authorises for one SDK command: each (action, resource ARN, condition keys)
 * the service would check, as AWS documents it per API (Service Authorization
 * Reference). Batch and transaction calls are checked per table and per item, as
 * DynamoDB does. A command not listed here fails closed: add it when code starts using it.
 */
import type { AccessRequest } from './evaluate-policy'
import {
  bucketArn,
  objectArn,
  mailDomainOf,
  secretArn,
  sesConfigurationSetArn,
  sesIdentityArn,
  tableArn,
  tableDefinitionOf,
} from './local-arns'

type Input = Record<string, unknown>

/** What a SendTask* token belongs to; undefined for a token the service does not know (it answers for itself). */
export type TaskTokenOwner = (taskToken: string) => string | undefined

const record = (value: unknown): Input =>
  typeof value === 'object' && value !== null ? (value as Input) : {}

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

/** A key attribute's value, marshalled (`{ S: 'x' }`) or not. */
const scalar = (value: unknown): string | undefined => {
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  const attribute = record(value)
  const inner = attribute.S ?? attribute.N ?? attribute.B
  return inner === undefined ? undefined : String(inner)
}

const partitionKeyName = (tableName: string, indexName?: string): string | undefined => {
  const definition = tableDefinitionOf(tableName)
  if (!definition) return undefined
  if (!indexName) return definition.partitionKey.name
  return definition.globalSecondaryIndexes.find((index) => index.indexName === indexName)?.partitionKey.name
}

const leadingKeysOf = (tableName: string, items: readonly Input[]): Record<string, string[]> => {
  const name = partitionKeyName(tableName)
  const values = name ? items.map((item) => scalar(item[name])).filter((v) => v !== undefined) : []
  return { 'dynamodb:LeadingKeys': [...new Set(values)] }
}

/** The partition key value a KeyConditionExpression pins (`#pk = :pk` or `pk = :v`, either side). */
const queriedPartition = (input: Input): string[] => {
  const name = partitionKeyName(text(input.TableName), text(input.IndexName) || undefined)
  const expression = text(input.KeyConditionExpression)
  if (!name) return []
  const names = record(input.ExpressionAttributeNames)
  const values = record(input.ExpressionAttributeValues)
  const attributeName = (token: string) => (token.startsWith('#') ? text(names[token]) : token)
  for (const match of expression.matchAll(/([#:]?[A-Za-z0-9_]+)\s*=\s*([#:]?[A-Za-z0-9_]+)/g)) {
    const [left = '', right = ''] = [match[1], match[2]]
    const [nameToken, valueToken] = left.startsWith(':') ? [right, left] : [left, right]
    if (attributeName(nameToken) !== name) continue
    const value = scalar(values[valueToken])
    return value === undefined ? [] : [value]
  }
  return []
}

const onTableOrIndex = (input: Input): string => {
  const table = tableArn(text(input.TableName))
  return input.IndexName ? `${table}/index/${text(input.IndexName)}` : table
}

const itemRequest = (action: string, tableName: string, item: Input): AccessRequest => ({
  action: `dynamodb:${action}`,
  resource: tableArn(tableName),
  context: leadingKeysOf(tableName, [item]),
})

const TRANSACT_ACTIONS: Record<string, { action: string; keyOf: 'Item' | 'Key' }> = {
  Put: { action: 'PutItem', keyOf: 'Item' },
  Update: { action: 'UpdateItem', keyOf: 'Key' },
  Delete: { action: 'DeleteItem', keyOf: 'Key' },
  ConditionCheck: { action: 'ConditionCheckItem', keyOf: 'Key' },
}

const dynamodb: Record<string, (input: Input) => AccessRequest[]> = {
  GetItem: (input) => [itemRequest('GetItem', text(input.TableName), record(input.Key))],
  PutItem: (input) => [itemRequest('PutItem', text(input.TableName), record(input.Item))],
  UpdateItem: (input) => [itemRequest('UpdateItem', text(input.TableName), record(input.Key))],
  DeleteItem: (input) => [itemRequest('DeleteItem', text(input.TableName), record(input.Key))],
  Query: (input) => [
    {
      action: 'dynamodb:Query',
      resource: onTableOrIndex(input),
      context: { 'dynamodb:LeadingKeys': queriedPartition(input) },
    },
  ],
  Scan: (input) => [{ action: 'dynamodb:Scan', resource: onTableOrIndex(input) }],
  DescribeTable: (input) => [{ action: 'dynamodb:DescribeTable', resource: tableArn(text(input.TableName)) }],
  BatchGetItem: (input) =>
    Object.entries(record(input.RequestItems)).map(([tableName, request]) => ({
      action: 'dynamodb:BatchGetItem',
      resource: tableArn(tableName),
      context: leadingKeysOf(tableName, ((record(request).Keys ?? []) as unknown[]).map(record)),
    })),
  BatchWriteItem: (input) =>
    Object.entries(record(input.RequestItems)).map(([tableName, writes]) => ({
      action: 'dynamodb:BatchWriteItem',
      resource: tableArn(tableName),
      context: leadingKeysOf(
        tableName,
        (writes as unknown[]).map((write) => {
          const { PutRequest, DeleteRequest } = record(write)
          return record(PutRequest ? record(PutRequest).Item : record(DeleteRequest).Key)
        }),
      ),
    })),
  TransactWriteItems: (input) =>
    ((input.TransactItems ?? []) as unknown[]).flatMap((item) =>
      Object.entries(record(item)).flatMap(([operation, detail]) => {
        const known = TRANSACT_ACTIONS[operation]
        if (!known) return []
        const body = record(detail)
        return [itemRequest(known.action, text(body.TableName), record(body[known.keyOf]))]
      }),
    ),
  TransactGetItems: (input) =>
    ((input.TransactItems ?? []) as unknown[]).map((item) => {
      const get = record(record(item).Get)
      return itemRequest('GetItem', text(get.TableName), record(get.Key))
    }),
  // DynamoDB Streams (same IAM prefix): the stream ARN is the resource.
  DescribeStream: (input) => [{ action: 'dynamodb:DescribeStream', resource: text(input.StreamArn) }],
  GetShardIterator: (input) => [{ action: 'dynamodb:GetShardIterator', resource: text(input.StreamArn) }],
  GetRecords: (input) => [
    // An iterator is opaque; whoever serves streams locally must start it with the stream ARN and `|`.
    { action: 'dynamodb:GetRecords', resource: text(input.ShardIterator).split('|')[0] ?? '' },
  ],
  ListStreams: () => [{ action: 'dynamodb:ListStreams', resource: '*' }],
}

const states = (owner: TaskTokenOwner): Record<string, (input: Input) => AccessRequest[]> => {
  const onTokenOwner = (action: string) => (input: Input) => {
    const stateMachine = owner(text(input.taskToken))
    return stateMachine ? [{ action: `states:${action}`, resource: stateMachine }] : []
  }
  return {
    StartExecution: (input) => [{ action: 'states:StartExecution', resource: text(input.stateMachineArn) }],
    StartSyncExecution: (input) => [
      { action: 'states:StartSyncExecution', resource: text(input.stateMachineArn) },
    ],
    StopExecution: (input) => [{ action: 'states:StopExecution', resource: text(input.executionArn) }],
    RedriveExecution: (input) => [{ action: 'states:RedriveExecution', resource: text(input.executionArn) }],
    DescribeExecution: (input) => [
      { action: 'states:DescribeExecution', resource: text(input.executionArn) },
    ],
    GetExecutionHistory: (input) => [
      { action: 'states:GetExecutionHistory', resource: text(input.executionArn) },
    ],
    ListExecutions: (input) => [{ action: 'states:ListExecutions', resource: text(input.stateMachineArn) }],
    SendTaskSuccess: onTokenOwner('SendTaskSuccess'),
    SendTaskFailure: onTokenOwner('SendTaskFailure'),
    SendTaskHeartbeat: onTokenOwner('SendTaskHeartbeat'),
  }
}

const sesv2: Record<string, (input: Input) => AccessRequest[]> = {
  SendEmail: (input) => [
    { action: 'ses:SendEmail', resource: sesIdentityArn(mailDomainOf(text(input.FromEmailAddress))) },
    ...(input.ConfigurationSetName
      ? [{ action: 'ses:SendEmail', resource: sesConfigurationSetArn(text(input.ConfigurationSetName)) }]
      : []),
  ],
}

const onObject = (action: string) => (input: Input) => [
  { action, resource: objectArn(text(input.Bucket), text(input.Key)) },
]

const listBucket = (input: Input): AccessRequest[] => [
  {
    action: 's3:ListBucket',
    resource: bucketArn(text(input.Bucket)),
    context: { 's3:prefix': [text(input.Prefix)] },
  },
]

const s3: Record<string, (input: Input) => AccessRequest[]> = {
  GetObject: onObject('s3:GetObject'),
  HeadObject: onObject('s3:GetObject'),
  PutObject: onObject('s3:PutObject'),
  CreateMultipartUpload: onObject('s3:PutObject'),
  UploadPart: onObject('s3:PutObject'),
  CompleteMultipartUpload: onObject('s3:PutObject'),
  DeleteObject: onObject('s3:DeleteObject'),
  ListObjectsV2: listBucket,
  ListObjects: listBucket,
}

const secretsmanager: Record<string, (input: Input) => AccessRequest[]> = {
  GetSecretValue: (input) => [
    { action: 'secretsmanager:GetSecretValue', resource: secretArn(text(input.SecretId)) },
  ],
}

/** End User Messaging SMS authorises a send against the origination identity it names (an ARN here, ADR 0028). */
const smsVoice: Record<string, (input: Input) => AccessRequest[]> = {
  SendTextMessage: (input) => [
    { action: 'sms-voice:SendTextMessage', resource: text(input.OriginationIdentity) },
  ],
}

export type ServiceName = 'dynamodb' | 'states' | 'ses' | 's3' | 'secretsmanager' | 'sms-voice'

/** The requests of one command, or undefined when the command is not mapped (refused). */
export const commandRequests = (
  service: ServiceName,
  commandName: string,
  input: unknown,
  owner: TaskTokenOwner,
): AccessRequest[] | undefined => {
  const operation = commandName.replace(/Command$/, '')
  const table = { dynamodb, states: states(owner), ses: sesv2, s3, secretsmanager, 'sms-voice': smsVoice }[
    service
  ]
  return table[operation]?.(record(input))
}
