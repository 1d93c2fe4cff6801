/**
 * Recommendation letters in the main table (DESIGN §3.6): one item per verification
 * code, written once, in the transaction of the approval that issues it, and never
 * changed afterwards (a letter is a document; a correction would be a new letter).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { RecommendationLetter } from '../core/case/recommendation-letter'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { itemCodec } from './item-codec'
import type { TransactItem } from './audit-repository'
import { letterKey } from './keys'

/** The Put of a new letter; a code already taken fails the whole transaction rather than overwrite. */
export const letterPutItem = (letter: RecommendationLetter): TransactItem => ({
  Put: {
    TableName: env.mainTableName(),
    Item: { ...letterKey(letter.code), ...letter },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
})

const letterOf = itemCodec<RecommendationLetter>()

export const getLetter = async (code: string): Promise<RecommendationLetter | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: env.mainTableName(), Key: letterKey(code) }),
  )
  if (!Item) return undefined
  return letterOf(Item)
}
