/**
 * The staff directory: who serves which area in which role (DESIGN §1 roles), whether
 * they may still act, and a TKSK's term. Routing reads it (`staffInArea`), the admin
 * use cases change it (with their audit entry in the same transaction), and
 * authentication checks each request against it.
 */
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditInput } from '../core/audit/audit-entry'
import type { StaffRecord, StaffTerm } from '../core/staff/staff-member'
import type { User } from '../core/identity/user'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { itemCodec } from './item-codec'
import { queryAll } from './paginate'
import { appendAudit, type TransactItem } from './audit-repository'
import { decodeCursor, nextCursorOf } from './cursor'
import {
  staffByAreaEntry,
  staffByAreaQuery,
  staffDirectoryEntry,
  staffDirectoryPartition,
  staffEmailKey,
  staffTermEndKey,
  staffTermEndPartition,
  staffUsernameKey,
  userKey,
} from './keys'
import { failedConditionAt } from './transaction-errors'

export interface StaffMember extends User {
  displayName: string
  /** Absent on entries written before issue 13: active. */
  active?: boolean
  term?: StaffTerm
  version?: number
}

const table = () => env.mainTableName()

/** Entries written before issue 13 have no `active`, `term` or `version`: active, no term. */
const memberOf = itemCodec<StaffMember>({
  normalise: ({ id, username, role, area, email, displayName, active, term, version }) => ({
    id,
    username,
    role,
    area,
    email,
    displayName,
    ...(active === false ? { active } : {}),
    ...(term ? { term } : {}),
    ...(version !== undefined ? { version } : {}),
  }),
})

export const isActive = (member: Pick<StaffMember, 'active'>): boolean => member.active !== false

export const recordOf = (member: StaffMember): StaffRecord => ({
  staffId: member.id,
  username: member.username,
  name: member.displayName,
  email: member.email,
  role: member.role,
  area: member.area,
  active: isActive(member),
  ...(member.term ? { term: member.term } : {}),
  version: member.version ?? 0,
})

const memberFrom = (record: StaffRecord): StaffMember => ({
  id: record.staffId,
  username: record.username,
  role: record.role,
  area: record.area,
  email: record.email,
  displayName: record.name,
  active: record.active,
  ...(record.term ? { term: record.term } : {}),
  version: record.version,
})

const itemOf = (member: StaffMember) => ({
  ...userKey(member.id),
  ...staffByAreaEntry(member.area, member.role, member.id),
  ...staffDirectoryEntry(member.area, member.username),
  ...member,
})

export const getStaffMember = async (userId: string): Promise<StaffMember | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: table(), Key: userKey(userId), ConsistentRead: true }),
  )
  return Item ? memberOf(Item) : undefined
}

/**
 * Writes a directory entry that is missing, and only then: the Cognito sync of a user
 * created outside the product (the first admin). Entries the admin use cases keep are
 * never overwritten by a sign-in, so a deactivation or a term survives it.
 */
export const putStaffMemberIfMissing = async (member: StaffMember): Promise<void> => {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: table(),
        Item: itemOf(member),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    )
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error
  }
}

const markerPut = (
  key: { pk: string; sk: string },
  userId: string,
  condition: 'new' | 'newOrOwn',
): TransactItem => ({
  Put: {
    TableName: table(),
    Item: { ...key, userId },
    ConditionExpression:
      condition === 'new' ? 'attribute_not_exists(pk)' : 'attribute_not_exists(pk) OR userId = :id',
    ...(condition === 'newOrOwn' ? { ExpressionAttributeValues: { ':id': userId } } : {}),
  },
})

const markerDelete = (key: { pk: string; sk: string }, userId: string): TransactItem => ({
  Delete: {
    TableName: table(),
    Key: key,
    ConditionExpression: 'userId = :id',
    ExpressionAttributeValues: { ':id': userId },
  },
})

const termPut = (member: StaffMember): TransactItem[] =>
  member.term && member.role === 'tksk'
    ? [
        {
          Put: {
            TableName: table(),
            Item: { ...staffTermEndKey(member.term.end, member.id), userId: member.id },
          },
        },
      ]
    : []

/** Seeds an entry with its markers (local seed): idempotent, never steals another's username or email. */
export const seedStaffMember = async (member: StaffMember): Promise<void> => {
  const existing = await getStaffMember(member.id)
  await dynamo().send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: table(),
            Item: itemOf({ ...member, ...(existing ? pickAdminFields(existing) : {}) }),
          },
        },
        markerPut(staffUsernameKey(member.username), member.id, 'newOrOwn'),
        markerPut(staffEmailKey(member.email), member.id, 'newOrOwn'),
      ],
    }),
  )
}

// A restart re-seeds: what an admin changed since (deactivation, term) stays.
const pickAdminFields = (member: StaffMember): Partial<StaffMember> => ({
  ...(member.active === false ? { active: false } : {}),
  ...(member.term ? { term: member.term } : {}),
  ...(member.version !== undefined ? { version: member.version } : {}),
})

/** Which uniqueness rule a write broke. */
export type StaffConflict = 'staffId' | 'username' | 'email' | 'version'

export class StaffConflictError extends Error {
  constructor(readonly conflict: StaffConflict) {
    super(`staff directory conflict on ${conflict}`)
    this.name = 'StaffConflictError'
  }
}

const conflictOf = (error: unknown, positions: readonly [number, StaffConflict][]): never => {
  for (const [index, conflict] of positions)
    if (failedConditionAt(error, index)) throw new StaffConflictError(conflict)
  throw error
}

/** A new entry, its username and email claimed, its term scheduled, and its audit entry: all or nothing. */
export const createStaffRecord = async (record: StaffRecord, audit: AuditInput): Promise<void> => {
  const member = memberFrom(record)
  const items: TransactItem[] = [
    { Put: { TableName: table(), Item: itemOf(member), ConditionExpression: 'attribute_not_exists(pk)' } },
    markerPut(staffUsernameKey(member.username), member.id, 'new'),
    markerPut(staffEmailKey(member.email), member.id, 'new'),
    ...termPut(member),
  ]
  try {
    await appendAudit(audit, { alongWith: items })
  } catch (error) {
    conflictOf(error, [
      [0, 'staffId'],
      [1, 'username'],
      [2, 'email'],
    ])
  }
}

/**
 * Replaces an entry with its next version, only if nobody changed it since it was read
 * (`version`), moving the email marker and the term schedule with it, with the audit
 * entry in the same transaction.
 */
export const updateStaffRecord = async (
  before: StaffRecord,
  after: StaffRecord,
  audit: AuditInput,
): Promise<void> => {
  const previous = memberFrom(before)
  const member = memberFrom(after)
  const items: TransactItem[] = [
    {
      Put: {
        TableName: table(),
        Item: itemOf(member),
        ConditionExpression:
          before.version === 0 ? 'attribute_not_exists(version) OR version = :v' : 'version = :v',
        ExpressionAttributeValues: { ':v': before.version },
      },
    },
  ]
  const emailChanged = previous.email !== member.email
  if (emailChanged) {
    items.push(markerPut(staffEmailKey(member.email), member.id, 'new'))
    items.push(markerDelete(staffEmailKey(previous.email), member.id))
  }
  const oldTerm = termPut(previous)[0]
  const newTerm = termPut(member)[0]
  if (JSON.stringify(oldTerm) !== JSON.stringify(newTerm)) {
    if (previous.term && previous.role === 'tksk')
      items.push({ Delete: { TableName: table(), Key: staffTermEndKey(previous.term.end, member.id) } })
    if (newTerm) items.push(newTerm)
  }
  try {
    await appendAudit(audit, { alongWith: items })
  } catch (error) {
    conflictOf(
      error,
      emailChanged
        ? [
            [0, 'version'],
            [1, 'email'],
          ]
        : [[0, 'version']],
    )
  }
}

/** Who holds a username or an email (uniqueness markers), if anyone. */
export const holderOf = async (
  marker: { username: string } | { email: string },
): Promise<string | undefined> => {
  const key = 'username' in marker ? staffUsernameKey(marker.username) : staffEmailKey(marker.email)
  const { Item } = await dynamo().send(new GetCommand({ TableName: table(), Key: key, ConsistentRead: true }))
  return Item?.userId as string | undefined
}

/** The active staff of one role serving exactly `area` (task routing: the TKSK of a kecamatan, the Dinsos of a kabupaten). */
export const staffInArea = async (area: string, role: StaffMember['role']): Promise<StaffMember[]> => {
  const { gsi1pk, gsi1skPrefix } = staffByAreaQuery(area, role)
  const { Items } = await dynamo().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      FilterExpression: 'attribute_not_exists(active) OR active = :active',
      ExpressionAttributeValues: { ':pk': gsi1pk, ':prefix': gsi1skPrefix, ':active': true },
    }),
  )
  return (Items ?? []).map(memberOf)
}

/** One page of the directory of a kabupaten/kota (or of the national entries, `*`), by area and username. */
export const listStaffIn = async (
  scope: string,
  page: { limit: number; cursor?: string },
): Promise<{ items: StaffMember[]; nextCursor: string | null }> => {
  const partition = staffDirectoryPartition(scope)
  // A cursor resumes only this directory's partition.
  const startKey =
    page.cursor === undefined
      ? undefined
      : decodeCursor(page.cursor, [['pk', 'sk', 'gsi2pk', 'gsi2sk']], (key) => key.gsi2pk === partition)
  const { Items, LastEvaluatedKey } = await dynamo().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': partition },
      Limit: page.limit,
      ExclusiveStartKey: startKey,
    }),
  )
  return { items: (Items ?? []).map(memberOf), nextCursor: nextCursorOf(LastEvaluatedKey) }
}

/** Ids of the TKSK whose term, scheduled in `month` (YYYY-MM), ended before `localToday` (a term runs through its end date). */
export const termsEndedBefore = async (month: string, localToday: string): Promise<string[]> => {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND sk < :today',
    ExpressionAttributeValues: { ':pk': staffTermEndPartition(month), ':today': localToday },
  })
  return items.map((item) => String(item.userId))
}
