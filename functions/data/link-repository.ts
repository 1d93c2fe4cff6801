/** Link records (DESIGN §2, §5): one per email, bound to its recipient, removed by TTL after expiry. */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import type { Person } from '../core/case/case-record'
import { env } from '../shared/env'
import { itemCodec } from './item-codec'
import { dynamo } from '../shared/clients'
import { type DesaPartScope, linkKey } from './keys'

export interface LinkRecord {
  linkId: string
  /** The subject as stored (`storedSubject`); read it with `subjectOf`. */
  taskId: string
  recipient: Person
  secretHash: string
  createdAt: string
  /** The task's final deadline: past it the link answers 410. */
  expiresAtIso: string
}

/**
 * What a link lets its holder act on: a case task, the approval of a verval batch, or a
 * desa's part of a kecamatan's verval (issue 21, ADR 0033).
 */
export type LinkSubject =
  | { kind: 'task'; taskId: string }
  | { kind: 'batchApproval'; batchId: string }
  | { kind: 'desaPart'; part: DesaPartScope & { desaCode: string } }

// Links keep their subject in `taskId`, the field of the first kind; the others are prefixed.
// Spelled here only: writers and readers go through the two functions below.
const BATCH_PREFIX = 'batch:'
const DESA_PART_PREFIX = 'desa-part:'
// Area codes and periods have dots and dashes, never a `|`.
const DESA_PART_SEPARATOR = '|'

/** The stored `taskId` of a link to `subject`. */
export const storedSubject = (subject: LinkSubject): string => {
  switch (subject.kind) {
    case 'task':
      return subject.taskId
    case 'batchApproval':
      return `${BATCH_PREFIX}${subject.batchId}`
    case 'desaPart': {
      const { kecamatan, program, period, desaCode } = subject.part
      return `${DESA_PART_PREFIX}${[kecamatan, program, period, desaCode].join(DESA_PART_SEPARATOR)}`
    }
  }
}

/** The subject of a stored link. A malformed one reads as a task no one has: an unknown link. */
export const subjectOf = (link: Pick<LinkRecord, 'taskId'>): LinkSubject => {
  if (link.taskId.startsWith(BATCH_PREFIX))
    return { kind: 'batchApproval', batchId: link.taskId.slice(BATCH_PREFIX.length) }
  if (link.taskId.startsWith(DESA_PART_PREFIX)) {
    const parts = link.taskId.slice(DESA_PART_PREFIX.length).split(DESA_PART_SEPARATOR)
    const [kecamatan, program, period, desaCode] = parts
    if (kecamatan && program && period && desaCode && parts.length === 4)
      return { kind: 'desaPart', part: { kecamatan, program, period, desaCode } }
  }
  return { kind: 'task', taskId: link.taskId }
}

/** TTL removes a link a week after it expired, so a late click still gets its 410 page. */
const TTL_GRACE_SECONDS = 7 * 24 * 60 * 60

/**
 * Writes a new link: one conditional PutItem (a single-item transaction would cost the
 * same write twice on AWS and more per request in DynamoDB Local, and guard nothing more).
 */
export const putLink = async (link: LinkRecord): Promise<void> => {
  await dynamo().send(
    new PutCommand({
      TableName: env.mainTableName(),
      Item: {
        ...linkKey(link.linkId),
        ...link,
        expiresAt: Math.floor(Date.parse(link.expiresAtIso) / 1000) + TTL_GRACE_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  )
}

/** `expiresAt` is the item's TTL (the deadline plus a grace), not part of the record. */
const linkOf = itemCodec<LinkRecord>({ storageOnly: ['expiresAt'] })

export const getLink = async (linkId: string): Promise<LinkRecord | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: env.mainTableName(), Key: linkKey(linkId) }),
  )
  if (!Item) return undefined
  return linkOf(Item)
}
