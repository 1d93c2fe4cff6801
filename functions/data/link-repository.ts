/** Link records (DESIGN §2, §5): one per email, bound to its recipient, removed by TTL after expiry. */
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { Person } from '../core/case/case-record'
import { env } from '../shared/env'
import type { TransactItem } from './audit-repository'
import { dynamo } from '../shared/clients'
import { linkKey } from './keys'

export interface LinkRecord {
  linkId: string
  taskId: string
  recipient: Person
  secretHash: string
  createdAt: string
  /** The task's final deadline: past it the link answers 410. */
  expiresAtIso: string
}

/** TTL removes a link a week after it expired, so a late click still gets its 410 page. */
const TTL_GRACE_SECONDS = 7 * 24 * 60 * 60

export const linkPut = (link: LinkRecord): TransactItem => ({
  Put: {
    TableName: env.mainTableName(),
    Item: {
      ...linkKey(link.linkId),
      ...link,
      expiresAt: Math.floor(Date.parse(link.expiresAtIso) / 1000) + TTL_GRACE_SECONDS,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
})

export const getLink = async (linkId: string): Promise<LinkRecord | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: env.mainTableName(), Key: linkKey(linkId) }),
  )
  if (!Item) return undefined
  const { linkId: id, taskId, recipient, secretHash, createdAt, expiresAtIso } = Item as LinkRecord
  return { linkId: id, taskId, recipient, secretHash, createdAt, expiresAtIso }
}
