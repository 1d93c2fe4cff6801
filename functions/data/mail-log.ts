/**
 * At-most-once mail per purpose: a `mailLog` map on the item remembers which mails were
 * sent, so a replayed or resumed step sends none twice. Two writes, because DynamoDB
 * cannot SET a nested path inside a map that does not exist yet.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import type { Key } from './keys'
import { isConditionFailure } from './transaction-errors'

/** True the first time `purpose` is claimed on the item at `key`; false on every later call. */
export const claimMail = async (key: Key, purpose: string, at: string): Promise<boolean> => {
  await dynamo().send(
    new UpdateCommand({
      TableName: env.mainTableName(),
      Key: key,
      UpdateExpression: 'SET #log = if_not_exists(#log, :empty)',
      ExpressionAttributeNames: { '#log': 'mailLog' },
      ExpressionAttributeValues: { ':empty': {} },
    }),
  )
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: env.mainTableName(),
        Key: key,
        UpdateExpression: 'SET #log.#purpose = :at',
        ConditionExpression: 'attribute_not_exists(#log.#purpose)',
        ExpressionAttributeNames: { '#log': 'mailLog', '#purpose': purpose },
        ExpressionAttributeValues: { ':at': at },
      }),
    )
    return true
  } catch (error) {
    if (isConditionFailure(error)) return false
    throw error
  }
}
