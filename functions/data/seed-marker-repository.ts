/**
 * Which seed the local tables hold (issue 20): `npm start` compares it with the seed it
 * carries and skips seeding when they are the same. Only the local platform writes it.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { localSeedMarkerKey } from './keys'

export const readSeedVersion = async (): Promise<string | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: env.mainTableName(), Key: localSeedMarkerKey(), ConsistentRead: true }),
  )
  return typeof Item?.version === 'string' ? Item.version : undefined
}

/** Written after the seed finished, so a start interrupted mid-seed seeds again. */
export const writeSeedVersion = async (version: string, at: string): Promise<void> => {
  await dynamo().send(
    new PutCommand({ TableName: env.mainTableName(), Item: { ...localSeedMarkerKey(), version, at } }),
  )
}
