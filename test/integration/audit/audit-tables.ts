/**
 * Fresh audit and main tables on the worker's DynamoDB Local for one test file, with the
 * environment the repositories read, plus a raw client to tamper with the table the
 * way only someone with direct table access could.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { auditTable, mainTable } from '../../../functions/data/table-definitions'
import { resetClients } from '../../../functions/shared/clients'
import { ensureTable } from '../../../infra/local/dynamodb/create-tables'
import { workerDynamodbEndpoint } from '../../support/dynamodb-endpoint'

export const createAuditTables = async (label: string) => {
  const prefix = `${label}-${process.pid}-${Date.now().toString(36)}`
  const endpoint = workerDynamodbEndpoint()
  Object.assign(process.env, {
    AWS_REGION: 'ap-southeast-3',
    DYNAMODB_ENDPOINT: endpoint,
    MAIN_TABLE_NAME: `${prefix}-main`,
    AUDIT_TABLE_NAME: `${prefix}-audit`,
  })
  // The repositories' client is kept per process: built again on this file's endpoint.
  resetClients()
  const client = new DynamoDBClient({
    region: 'ap-southeast-3',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  })
  await ensureTable(client, mainTable, `${prefix}-main`, { expectNew: true })
  await ensureTable(client, auditTable, `${prefix}-audit`, { expectNew: true })
  return {
    mainTableName: `${prefix}-main`,
    auditTableName: `${prefix}-audit`,
    raw: DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }),
  }
}
