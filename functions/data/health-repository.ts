import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { healthProbeKeys } from './keys'

/** A strongly consistent read of an absent key on each table: cheap, and fails if a table is missing. */
export const tablesAnswer = async (): Promise<void> => {
  await Promise.all([
    dynamo().send(new GetCommand({ TableName: env.mainTableName(), Key: healthProbeKeys.main })),
    dynamo().send(new GetCommand({ TableName: env.auditTableName(), Key: healthProbeKeys.audit })),
  ])
}
